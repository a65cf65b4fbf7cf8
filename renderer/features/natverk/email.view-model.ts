/** The outcome of «Kopiera e-postadresser»: what was copied, and who could not be included and why. */
import type { EmailList } from '../../../electron/contract';
import { formatNumber } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';

const t = sv.natverk.email;

export type EmailResultVm = {
  /** The line for the mail program's address field (the core's `Namn <a@b.se>; …`). */
  text: string;
  count: number;
  intent: 'success' | 'warning' | 'info';
  message: string;
  missingHeading?: string;
  missing: { contactId: string; label: string; reason: string }[];
};

/** `copied`: whether the clipboard took the text (otherwise the dialog asks the user to copy it by hand). */
export function emailResultVm(list: EmailList, copied: boolean): EmailResultVm {
  const count = list.recipients.length;
  const missing = list.withoutEmail.map((p) => ({
    contactId: p.contactId,
    label: p.organisationName !== undefined && p.organisationName !== '' ? `${p.name}, ${p.organisationName}` : p.name,
    reason: t.reasons[p.reason],
  }));
  let message: string;
  let intent: EmailResultVm['intent'];
  if (count === 0) {
    message = missing.length === 0 ? t.noPersons : t.none;
    intent = missing.length === 0 ? 'info' : 'warning';
  } else if (!copied) {
    message = t.copyFailed;
    intent = 'warning';
  } else {
    message = t.copied(count);
    intent = 'success';
  }
  return {
    text: list.text,
    count,
    intent,
    message,
    ...(missing.length > 0 ? { missingHeading: t.withoutEmail(formatNumber(missing.length)) } : {}),
    missing,
  };
}
