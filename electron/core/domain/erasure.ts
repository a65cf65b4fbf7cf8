/**
 * Personal data of contact persons: export everything the register holds about one person, and erase it.
 *
 * Erasure (GDPR art. 17) removes the person everywhere a readable copy could remain:
 * - the contact record itself;
 * - network rosters: an entry that names only the person goes; an entry that also names an organisation
 *   stays as the organisation's participation, without the person (network counts by municipality stay true);
 * - meeting attendance lists;
 * - the change log: every entry about the person, or whose text or before/after mentions the person's id,
 *   name, e-mail or phone (entries about other contacts only by id, so a namesake keeps its history), keeps its date, kind and organisation, but its summary becomes
 *   «Uppgifter om en raderad person» and its before/after the marker `ERASED_MARKER`;
 * - any other text in the document (notes, descriptions, settings, board-pack snapshots; other contacts'
 *   notes and titles but not their names, e-mails or phones) has the person's name, e-mail and phone, as
 *   whole words in any case, replaced by the marker.
 * The erasure itself is logged with the legal basis the data was held under and the ground for erasing it,
 * without any detail of the person. The caller must then clear the undo history (`repo.clearHistory()`), which
 * would otherwise still hold the old values. Backups on disk are outside the document and not touched here.
 */
import type { ChangeLogEntry, Contact, RosterEntry, SambrukDocument } from '../store/schema';
import { tableSpecs, type EntryOptions, type TableName, type Transaction } from '../store/transaction';
import { ERASED_MARKER, ERASED_SUMMARY } from './change-log';
import { formatPhone, legalBasisLabels } from './contacts';
import { fieldError } from './field-errors';
import type { ErasureGround, ErasureReport, PersonExport } from '../../contract/model/members';
import { erasureGroundLabels } from '../../contract/labels';

export type { ErasureGround, PersonExport, ErasureReport } from '../../contract/model/members';

export function findContact(doc: Pick<SambrukDocument, 'contacts'>, contactId: string): Contact {
  const contact = doc.contacts.find((c) => c.id === contactId);
  if (!contact) throw fieldError('not-found', 'contactId', 'Personen finns inte i registret (kanske redan raderad).');
  return contact;
}

/** Texts that identify the person in free text: name, e-mail, phone as stored and as Swedes write it. */
function identifyingTexts(contact: Contact): string[] {
  const texts = [contact.name, contact.email];
  if (contact.phone !== '') {
    const national = formatPhone(contact.phone);
    texts.push(contact.phone, national, national.replace(/[\s-]/g, ''));
  }
  return [...new Set(texts.map((t) => t.trim()).filter((t) => t.length > 0))];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One pattern for all identifying texts, whole words only, case-insensitive. */
function identifyingPattern(contact: Contact): RegExp | undefined {
  const texts = identifyingTexts(contact);
  if (texts.length === 0) return undefined;
  const alternatives = texts.sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'giu');
}

function mentions(value: unknown, pattern: RegExp | undefined, contactId: string): boolean {
  const json = JSON.stringify(value ?? null);
  if (json.includes(JSON.stringify(contactId))) return true;
  if (!pattern) return false;
  pattern.lastIndex = 0;
  return pattern.test(json);
}

/** Whether a log entry is about the person: its own entries, or others that mention the person. */
function entryAboutPerson(e: ChangeLogEntry, pattern: RegExp | undefined, contactId: string): boolean {
  if (e.entityId === contactId || e.contactId === contactId) return true;
  // Entries about another contact are that person's history: only the id counts there, so a namesake keeps it.
  if (e.entity === 'contact') return mentions([e.before, e.after], undefined, contactId);
  return mentions([e.summary, e.before, e.after], pattern, contactId);
}

/** A copy of `value` with every matching text replaced by the marker; the same object when nothing matched. */
function scrubTexts<T>(value: T, pattern: RegExp, counter: { replaced: number }): T {
  if (typeof value === 'string') {
    const next = value.replace(pattern, () => {
      counter.replaced += 1;
      return ERASED_MARKER;
    });
    return (next === value ? value : next) as T;
  }
  if (Array.isArray(value)) {
    let changed = false;
    const next = value.map((v: unknown) => {
      const s = scrubTexts(v, pattern, counter);
      if (s !== v) changed = true;
      return s;
    });
    return (changed ? next : value) as T;
  }
  if (value !== null && typeof value === 'object') {
    let changed = false;
    const next: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const s = scrubTexts(v, pattern, counter);
      if (s !== v) changed = true;
      next[k] = s;
    }
    return (changed ? next : value) as T;
  }
  return value;
}

/** Everything the register holds about one person, as plain data (the register-extract of GDPR art. 15). */
export function exportPerson(doc: SambrukDocument, contactId: string): PersonExport {
  const contact = findContact(doc, contactId);
  const organisation = doc.organisations.find((o) => o.id === contact.organisationId);
  const pattern = identifyingPattern(contact);
  return {
    description: `Utdrag ur Sambruks medlemsregister: alla uppgifter om en kontaktperson.`,
    contact: { ...contact, legalBasisLabel: legalBasisLabels[contact.legalBasis] },
    organisation: organisation ? { id: organisation.id, name: organisation.name, ...(organisation.orgNumber ? { orgNumber: organisation.orgNumber } : {}) } : null,
    networks: doc.networks.flatMap((n) => n.roster.filter((r) => r.contactId === contactId).map((entry) => ({ networkId: n.id, networkName: n.name, entry }))),
    meetings: doc.networks.flatMap((n) =>
      n.meetings
        .filter((m) => m.attendeeContactIds.includes(contactId))
        .map((m) => ({ networkId: n.id, networkName: n.name, meetingId: m.id, date: m.date, title: m.title })),
    ),
    changeLog: doc.changeLog.filter((e) => entryAboutPerson(e, pattern, contactId)),
  };
}

export type ErasurePlan = {
  /** The top-level sections as they are to be after the erasure (`applyErasure` writes them). */
  sections: Partial<SambrukDocument>;
  /** The log entry of the erasure itself: no detail of the person. */
  entry: EntryOptions;
  report: ErasureReport;
};

/** Sections that hold no personal data of contacts by construction, or are handled one by one above. */
const SECTIONS_NOT_SCRUBBED = new Set(['schemaVersion', 'meta', 'reference', 'contacts', 'changeLog']);

/** Works out the erasure of one person as replacement sections; pure, so it can be tested without a store. */
export function planErasure(doc: SambrukDocument, contactId: string, ground: ErasureGround): ErasurePlan {
  const contact = findContact(doc, contactId);
  const pattern = identifyingPattern(contact);
  const report: ErasureReport = { rosterEntriesRemoved: 0, rosterEntriesKeptForOrganisation: 0, meetingsUpdated: 0, changeLogEntriesScrubbed: 0, textsReplaced: 0 };

  const networks = doc.networks.map((n) => {
    const touchesRoster = n.roster.some((r) => r.contactId === contactId);
    const touchesMeetings = n.meetings.some((m) => m.attendeeContactIds.includes(contactId));
    if (!touchesRoster && !touchesMeetings) return n;
    const roster: RosterEntry[] = [];
    for (const r of n.roster) {
      if (r.contactId !== contactId) roster.push(r);
      else if (r.organisationId !== undefined) {
        const { contactId: _removed, ...rest } = r;
        roster.push(rest);
        report.rosterEntriesKeptForOrganisation += 1;
      } else report.rosterEntriesRemoved += 1;
    }
    const meetings = n.meetings.map((m) => {
      if (!m.attendeeContactIds.includes(contactId)) return m;
      report.meetingsUpdated += 1;
      return { ...m, attendeeContactIds: m.attendeeContactIds.filter((id) => id !== contactId) };
    });
    return { ...n, roster, meetings };
  });

  const changeLog = doc.changeLog.map((e) => {
    if (!entryAboutPerson(e, pattern, contactId)) return e;
    report.changeLogEntriesScrubbed += 1;
    const { before, after, ...rest } = e;
    return {
      ...rest,
      summary: ERASED_SUMMARY,
      ...(before !== undefined ? { before: ERASED_MARKER } : {}),
      ...(after !== undefined ? { after: ERASED_MARKER } : {}),
    };
  });

  const sections: Partial<SambrukDocument> = {
    contacts: doc.contacts.filter((c) => c.id !== contactId),
    networks,
    changeLog,
  };
  if (pattern) {
    const counter = { replaced: 0 };
    for (const key of Object.keys(doc) as (keyof SambrukDocument)[]) {
      if (SECTIONS_NOT_SCRUBBED.has(key)) continue;
      const current = (sections[key] ?? doc[key]) as unknown;
      const scrubbed = scrubTexts(current, pattern, counter);
      if (scrubbed !== current) (sections as Record<string, unknown>)[key] = scrubbed;
    }
    // Another person may share the name: other contacts keep their own name, e-mail and phone.
    sections.contacts = (sections.contacts ?? []).map((c) => {
      const note = scrubTexts(c.note, pattern, counter);
      const title = scrubTexts(c.title, pattern, counter);
      return note === c.note && title === c.title ? c : { ...c, note, title };
    });
    report.textsReplaced = counter.replaced;
  }

  const entry: EntryOptions = {
    action: 'erase',
    summary: `En kontaktperson raderades ur registret. Grund: ${erasureGroundLabels[ground].toLocaleLowerCase('sv-SE')}.`,
    organisationId: contact.organisationId,
    before: undefined,
    after: {
      erased: true,
      erasureGround: ground,
      erasureGroundLabel: erasureGroundLabels[ground],
      legalBasis: contact.legalBasis,
      legalBasisLabel: legalBasisLabels[contact.legalBasis],
    },
  };
  return { sections, entry, report };
}

/**
 * Writes an erasure planned on `tx.doc`: the contact goes with the erasure's entry; every other record the plan
 * changed is written without an entry of its own (an entry would keep the old text, which is what goes); the
 * log's entries about the person are scrubbed.
 */
export function applyErasure(tx: Transaction, contactId: string, plan: ErasurePlan): void {
  const doc = tx.doc;
  const planned: SambrukDocument = { ...doc, ...plan.sections };
  const quiet: EntryOptions = { logged: false };
  tx.contacts.remove(contactId, plan.entry);
  for (const name of Object.keys(tableSpecs) as TableName[]) {
    const next = tableSpecs[name].read(planned);
    if (next !== tableSpecs[name].read(doc)) (tx[name] as Transaction['goals']).replaceAll(next as never, quiet);
  }
  if (planned.settings !== doc.settings) {
    for (const [key, value] of Object.entries(planned.settings)) if (value !== doc.settings[key]) tx.setSetting(key, value);
  }
  if (plan.sections.changeLog) {
    const scrubbed = new Map(plan.sections.changeLog.map((e, i) => [doc.changeLog[i], e]));
    tx.rewriteLog((e) => scrubbed.get(e) ?? e);
  }
}
