import { useState } from 'react';
import { Button, Dropdown, Field, makeStyles, Option, Text, tokens } from '@fluentui/react-components';
import { Copy20Regular, Mail20Regular } from '@fluentui/react-icons';
import type { ChannelInput } from '../../../electron/contract';
import type { MailKind } from '../../../electron/contract/model/records';
import { useApiClient, useApiQuery } from '../../app/api';
import { useNotify } from '../../app/notify';
import { ExportButton } from '../../components/ExportButton';
import { sv } from '../../lib/i18n/sv';

const t = sv.kontakter.reach;

export type ReachSource = ChannelInput<'reach/plan'>['source'];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  kind: { minWidth: '14rem' },
  summary: { fontWeight: tokens.fontWeightSemibold },
  omitted: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, color: tokens.colorNeutralForeground3, maxHeight: '8rem', overflowY: 'auto' },
});

async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reaching a group: the kind of mail (an «utskick» only to those who consented), how many addresses and who is
 * left out, copy the addresses, open the mail program with them in BCC batches, or export CSV or vCard.
 */
export function ReachPanel({ source, fileName, date, testId }: { source: ReachSource; fileName: string; date?: string; testId?: string }) {
  const styles = useStyles();
  const client = useApiClient();
  const notify = useNotify();
  const [kind, setKind] = useState<MailKind>('arende');
  const plan = useApiQuery('reach/plan', { source, kind, ...(date !== undefined ? { date } : {}) }, { placeholderData: (previous) => previous });
  const batches = plan.data?.batches ?? [];

  const copy = async () => {
    if (!plan.data) return;
    const ok = await writeClipboard(plan.data.addresses.join('; '));
    notify(ok ? t.copied(plan.data.summary) : t.copyFailed, ok ? 'success' : 'error');
  };

  const open = async (url: string) => {
    try {
      const answer = await client.request('mail/open', { url });
      // The web entry cannot hand the link to the OS; following it opens the mail program there.
      if (!answer.opened) window.location.assign(answer.url);
    } catch (error) {
      notify(t.openFailed(error instanceof Error ? error.message : String(error)), 'error');
    }
  };

  return (
    <div className={styles.root} data-testid={testId}>
      <div className={styles.row}>
        <Field label={t.kind} hint={t.kindHint} className={styles.kind}>
          <Dropdown
            value={t.kinds[kind]}
            selectedOptions={[kind]}
            onOptionSelect={(_, data) => setKind((data.optionValue ?? 'arende') as MailKind)}
            data-testid="reach-kind"
          >
            <Option value="arende">{t.kinds.arende}</Option>
            <Option value="utskick">{t.kinds.utskick}</Option>
          </Dropdown>
        </Field>
      </div>
      <Text className={styles.summary} role="status" data-testid="reach-summary">
        {plan.data ? plan.data.summary : sv.app.loading}
      </Text>
      {plan.data && plan.data.omitted.length > 0 && (
        <ul className={styles.omitted} aria-label={t.omittedTitle} data-testid="reach-omitted">
          {plan.data.omitted.map((o) => (
            <li key={o.contactId}>
              {o.name}
              {o.organisationName !== '' ? `, ${o.organisationName}` : ''}: {t.reasons[o.reason]}
            </li>
          ))}
        </ul>
      )}
      <div className={styles.row}>
        <Button icon={<Copy20Regular />} onClick={() => void copy()} disabled={!plan.data || plan.data.addresses.length === 0}>
          {t.copy}
        </Button>
        {batches.length <= 1 ? (
          <Button icon={<Mail20Regular />} onClick={() => batches[0] && void open(batches[0].url)} disabled={batches.length === 0} data-testid="reach-open">
            {t.open}
          </Button>
        ) : (
          batches.map((b, i) => (
            <Button key={b.url} icon={<Mail20Regular />} onClick={() => void open(b.url)} data-testid="reach-open">
              {t.openBatch(i + 1, batches.length)}
            </Button>
          ))
        )}
        <ExportButton channel="reach/export" label={t.csv} input={() => ({ source, kind, format: 'csv', name: fileName, ...(date !== undefined ? { date } : {}) })} disabled={!plan.data || plan.data.addresses.length === 0} />
        <ExportButton channel="reach/export" label={t.vcard} input={() => ({ source, kind, format: 'vcard', name: fileName, ...(date !== undefined ? { date } : {}) })} disabled={!plan.data || plan.data.addresses.length === 0} />
      </div>
    </div>
  );
}
