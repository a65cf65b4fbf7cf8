import { useState } from 'react';
import { Button, Card, Field, Input, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import { ServerLink20Regular } from '@fluentui/react-icons';
import { useApiMutation, useApiQuery } from '../../app/api';
import { useNotify } from '../../app/notify';
import { FormDialog } from '../../components/FormDialog';
import { sv } from '../../lib/i18n/sv';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalL },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

/** «Delat register»: which PostgreSQL server the app opens at the next start (none: the file). */
export function ServerCard() {
  const styles = useStyles();
  const notify = useNotify();
  const headingId = useId('server');
  const setting = useApiQuery('data/get-server', {});
  const [editing, setEditing] = useState<string>();
  const save = useApiMutation('data/set-server', {
    onSuccess: () => {
      setEditing(undefined);
      notify(sv.data.serverSaved);
    },
  });
  const current = setting.data?.server ?? '';
  const fieldError = save.error?.field === 'server' ? save.error.fieldMessage : undefined;
  return (
    <Card className={styles.card} role="region" aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {sv.data.serverCard}
      </h2>
      <Text className={styles.muted}>{sv.data.serverHint}</Text>
      <Text className={current ? styles.mono : undefined}>{current ? sv.data.serverChosen(current) : sv.data.serverNone}</Text>
      <div>
        <Button icon={<ServerLink20Regular />} onClick={() => setEditing(current)}>
          {sv.data.serverChange}
        </Button>
      </div>
      <FormDialog
        open={editing !== undefined}
        title={sv.data.serverDialog}
        submitLabel={sv.data.serverSave}
        busyLabel={sv.data.serverSaving}
        busy={save.isPending}
        error={save.isError && !fieldError ? save.error.message : undefined}
        onSubmit={() => save.mutate({ server: editing ?? '' })}
        onClose={() => {
          save.reset();
          setEditing(undefined);
        }}
      >
        <Field label={sv.data.serverField} hint={sv.data.serverFieldHint} validationMessage={fieldError} validationState={fieldError ? 'error' : 'none'}>
          <Input value={editing ?? ''} onChange={(_e, data) => setEditing(data.value)} placeholder="postgres://anna@server/kansli" />
        </Field>
      </FormDialog>
    </Card>
  );
}
