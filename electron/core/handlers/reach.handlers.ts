/** Finding and reaching people: global search, contacts directory, «Använder inte», saved selections, mail plans. */
import { AppError, type ChannelHandlers, type ChannelParsedInput } from '../../contract';
import { isMailtoBatchUrl } from '../../contract/rules/mailto';
import type { Selection } from '../store/schema';
import type { HandlerContext } from './create-handlers';
import { contactDirectory } from '../domain/contact-directory';
import { nonUsers } from '../domain/non-users';
import { contactsCsv, contactsVcard, mailtoBatches, planReach, type ReachPerson } from '../domain/reaching';
import { assertUniqueSelectionName, describeCriteria, findSelection, peopleOfContactIds, peopleOfCriteria, selectionSummaries } from '../domain/selections';
import { searchEverything } from '../domain/search';
import { encodeBase64 } from '../exports/base64';

type ReachChannel =
  | 'search/everything'
  | 'contacts/directory'
  | 'services/non-users'
  | 'selections/list'
  | 'selections/save'
  | 'selections/delete'
  | 'reach/plan'
  | 'reach/export'
  | 'mail/open';

type Source = ChannelParsedInput<'reach/plan'>['source'];

/** File names keep letters (å, ä, ö too) and spaces; anything a file system might refuse becomes a dash. */
function fileStem(name: string | undefined): string {
  const cleaned = (name ?? '').replace(/[\\/:*?"<>|]+/g, '-').replace(/\s+/g, ' ').trim();
  return cleaned === '' ? 'Kontaktpersoner' : cleaned.slice(0, 100);
}

export function createReachHandlers({ repo, ports, today }: HandlerContext): Pick<ChannelHandlers, ReachChannel> {
  const peopleOf = (source: Source, date: string): ReachPerson[] => {
    const doc = repo.get();
    if ('contactIds' in source) return peopleOfContactIds(doc, source.contactIds);
    if ('selectionId' in source) return peopleOfCriteria(doc, findSelection(doc, source.selectionId).criteria, date);
    return peopleOfCriteria(doc, source.criteria, date);
  };

  return {
    'search/everything': ({ query, date }) => searchEverything(repo.get(), query, date ?? today()),

    'contacts/directory': ({ filter, date }) => contactDirectory(repo.get(), filter, date ?? today()),

    'services/non-users': ({ serviceId, date, includeNonMembers }) => nonUsers(repo.get(), serviceId, date ?? today(), includeNonMembers),

    'selections/list': () => selectionSummaries(repo.get()),

    'selections/save': async ({ name, criteria }) => {
      assertUniqueSelectionName(repo.get(), name);
      const saved = await repo.change(`Sparade urvalet ${name}`, (tx) => {
        const selection: Selection = { id: ports.ids(), name, criteria, createdAt: ports.clock().toISOString() };
        return tx.selections.insert(selection, { summary: `Sparade urvalet ${name}` });
      });
      return { ...saved, description: describeCriteria(repo.get(), saved.criteria) };
    },

    'selections/delete': ({ selectionId }) => {
      const selection = findSelection(repo.get(), selectionId);
      return repo.change(`Tog bort urvalet ${selection.name}`, (tx) => {
        tx.selections.remove(selectionId, { summary: `Tog bort urvalet ${selection.name}` });
        return { deleted: selectionId };
      });
    },

    'reach/plan': ({ source, kind, subject, date }) => {
      const plan = planReach(peopleOf(source, date ?? today()), kind);
      const batches = mailtoBatches(plan.addresses, subject !== undefined ? { subject } : {});
      return {
        kind,
        summary: plan.summary,
        addresses: plan.addresses,
        batches: batches.map((b) => ({ url: b.url, count: b.addresses.length })),
        omitted: plan.omitted,
      };
    },

    'reach/export': ({ source, kind, format, name, date }) => {
      const plan = planReach(peopleOf(source, date ?? today()), kind);
      const text = format === 'csv' ? contactsCsv(plan.recipients) : contactsVcard(plan.recipients);
      const bytes = new TextEncoder().encode(text);
      return {
        fileName: `${fileStem(name)}.${format === 'csv' ? 'csv' : 'vcf'}`,
        mimeType: format === 'csv' ? 'text/csv;charset=utf-8' : 'text/vcard;charset=utf-8',
        bytesBase64: encodeBase64(bytes),
        sizeBytes: bytes.length,
      };
    },

    // The desktop shell replaces this with one that hands the link to the OS (electron/main/mail-open.ts).
    'mail/open': ({ url }) => {
      if (!isMailtoBatchUrl(url)) throw new AppError('validation', 'E-postlänken kan inte öppnas.', { field: 'url' });
      return { opened: false, url };
    },
  };
}
