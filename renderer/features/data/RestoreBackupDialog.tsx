import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
} from '@fluentui/react-components';
import { useApiMutation } from '../../app/api';
import { useNotify } from '../../app/notify';
import { sv } from '../../lib/i18n/sv';
import type { BackupRowVm } from './data.view-model';

/** Asks before replacing the open register with a backup; the core keeps the current one as a backup first. */
export function RestoreBackupDialog({ backup, onClose }: { backup: BackupRowVm | undefined; onClose: () => void }) {
  const notify = useNotify();
  const restore = useApiMutation('data/restore-backup', {
    onSuccess: ({ restoredFrom }) => {
      notify(sv.data.restored(restoredFrom));
      onClose();
    },
  });
  const close = () => {
    if (restore.isPending) return;
    restore.reset();
    onClose();
  };
  return (
    <Dialog open={backup !== undefined} modalType="alert" onOpenChange={(_e, data) => !data.open && close()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{sv.data.restoreTitle}</DialogTitle>
          <DialogContent>
            {backup && sv.data.restoreBody(backup.name, backup.createdAt)}
            {restore.isError && (
              <MessageBar intent="error" layout="multiline" style={{ marginTop: 12 }}>
                <MessageBarBody>{sv.data.restoreFailed(restore.error.message)}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={close} disabled={restore.isPending}>
              {sv.app.cancel}
            </Button>
            <Button
              appearance="primary"
              disabled={restore.isPending}
              icon={restore.isPending ? <Spinner size="tiny" /> : undefined}
              onClick={() => backup && restore.mutate({ name: backup.name })}
            >
              {restore.isPending ? sv.data.restoring : sv.data.restoreConfirm}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
