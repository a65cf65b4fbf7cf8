import { makeStyles, mergeClasses, Spinner, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircle16Regular, ErrorCircle16Regular } from '@fluentui/react-icons';
import type { SaveState } from '../app/api';
import { sv } from '../lib/i18n/sv';

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, minWidth: 0 },
  text: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  saved: { color: tokens.colorPaletteGreenForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  icon: { flexShrink: 0 },
});

export function saveStateText(status: SaveState | undefined): string {
  if (!status) return sv.app.loading;
  if (status.state === 'saving') return sv.header.saving;
  if (status.state === 'failed') return sv.header.saveFailed(status.message ?? sv.header.saveFailedUnknown);
  return sv.header.saved;
}

/** «Allt sparat» / «Sparar…» / «Kunde inte spara: …», announced politely to screen readers. */
export function SaveStatusText({ status }: { status: SaveState | undefined }) {
  const styles = useStyles();
  const text = saveStateText(status);
  return (
    <span className={styles.root} role="status" aria-live="polite" data-state={status?.state ?? 'loading'}>
      {status?.state === 'saving' && <Spinner size="extra-tiny" aria-hidden />}
      {status?.state === 'saved' && <CheckmarkCircle16Regular className={mergeClasses(styles.icon, styles.saved)} aria-hidden />}
      {status?.state === 'failed' && <ErrorCircle16Regular className={mergeClasses(styles.icon, styles.failed)} aria-hidden />}
      <Text className={mergeClasses(styles.text, status?.state === 'failed' && styles.failed)} title={text}>
        {text}
      </Text>
    </span>
  );
}
