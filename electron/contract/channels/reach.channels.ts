/**
 * Finding and reaching people (issue 18): one search over the register, the contacts directory, who does not
 * use a service, saved selections, and mail plans and files for a group.
 */
import { z } from 'zod';
import { channel } from '../define';
import type { ExportedFile } from '../model/files';
import type { DirectoryAnswer, NonUsersAnswer, ReachAnswer, SearchAnswer, SelectionSummary } from '../model/reach';
import { contactFilterSchema, id, isoDate, isSafeName, mailKinds, MAX_NAME, selectionCriteriaSchema, unsafeNameMessage } from '../model/records';

export type * from '../model/reach';

const selectionName = z
  .string({ error: 'Skriv ett namn på urvalet.' })
  .trim()
  .min(1, 'Skriv ett namn på urvalet.')
  .max(MAX_NAME, `Namnet får vara högst ${MAX_NAME} tecken.`)
  .refine(isSafeName, { message: unsafeNameMessage });

const mailKind = z.enum(mailKinds, { error: 'Välj vilket slags e-post det gäller.' });

/** Who to reach: named contacts (a roster, a service's contacts), a saved selection, or criteria as a selection has. */
export const reachSource = z.union([
  z.strictObject({ contactIds: z.array(id).max(20_000) }),
  z.strictObject({ selectionId: id }),
  z.strictObject({ criteria: selectionCriteriaSchema }),
]);

export const reachChannels = {
  /** Organisations, contact persons and networks matching a text; reference municipalities not in the register. */
  'search/everything': channel<SearchAnswer>()(z.strictObject({ query: z.string().max(MAX_NAME), date: isoDate.optional() })),
  /** The active contact persons, filtered. */
  'contacts/directory': channel<DirectoryAnswer>()(z.strictObject({ filter: contactFilterSchema, date: isoDate.optional() })),
  /** Members (and, when asked, non-member municipalities) that do not use a service at the date. */
  'services/non-users': channel<NonUsersAnswer>()(
    z.strictObject({ serviceId: id, date: isoDate.optional(), includeNonMembers: z.boolean().default(false) }),
  ),
  'selections/list': channel<SelectionSummary[]>()(z.strictObject({})),
  'selections/save': channel<SelectionSummary>()(z.strictObject({ name: selectionName, criteria: selectionCriteriaSchema })),
  'selections/delete': channel<{ deleted: string }>()(z.strictObject({ selectionId: id })),
  /** The addresses a kind of mail may go to, with mailto: batches, and who is left out and why. */
  'reach/plan': channel<ReachAnswer>()(
    z.strictObject({ source: reachSource, kind: mailKind, subject: z.string().max(MAX_NAME).optional(), date: isoDate.optional() }),
  ),
  /** The same people as a file for a mailing tool: CSV (Excel) or vCard 4.0. */
  'reach/export': channel<ExportedFile>()(
    z.strictObject({ source: reachSource, kind: mailKind, format: z.enum(['csv', 'vcard']), name: selectionName.optional(), date: isoDate.optional() }),
  ),
  /**
   * Opens the mail program with one batch (a mailto: link the core made). The desktop app hands it to the OS;
   * the web entry answers `opened: false` and the page follows the link itself.
   */
  'mail/open': channel<{ opened: boolean; url: string }>()(z.strictObject({ url: z.string().max(4000) })),
};
