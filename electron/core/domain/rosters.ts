/**
 * A network's roster: who takes part, in which role, from when to when.
 *
 * An entry names exactly one participant: a person (a contact, standing for the contact's organisation),
 * an organisation without a named person, or an external participant by name (a publisher, a
 * foundation) that is not in the register. Periods are inclusive, like usages: `to` is the last day.
 * One participant has one entry at a time in a network, so a person's role on a date is unambiguous.
 */
import { AppError } from '../../contract/result';
import type { Transaction } from '../store/transaction';
import type { Contact, Network, RosterEntry, RosterRole, SambrukDocument } from '../store/schema';
import { nameKey, periodActiveAt, periodsOverlap, type Period } from './services';
import { fieldError } from './field-errors';

export function findNetwork<N extends Pick<Network, 'id'>>(networks: readonly N[], networkId: string): N {
  const network = networks.find((n) => n.id === networkId);
  if (!network) throw new AppError('not-found', 'Nätverket finns inte.', { field: 'networkId' });
  return network;
}

export function findEntry<E extends Pick<RosterEntry, 'id'>>(network: { roster: readonly E[] }, entryId: string): E {
  const entry = network.roster.find((e) => e.id === entryId);
  if (!entry) throw new AppError('not-found', 'Deltagaren finns inte i nätverkets deltagarlista.', { field: 'entryId' });
  return entry;
}

export function activeEntries<E extends Period>(roster: readonly E[], date: string): E[] {
  return roster.filter((e) => periodActiveAt(e, date));
}

/** The organisation an entry stands for: its own, else its person's. */
export function entryOrganisationId(
  entry: Pick<RosterEntry, 'organisationId' | 'contactId'>,
  contactsById: ReadonlyMap<string, Pick<Contact, 'organisationId'>>,
): string | undefined {
  if (entry.organisationId !== undefined) return entry.organisationId;
  return entry.contactId !== undefined ? contactsById.get(entry.contactId)?.organisationId : undefined;
}

export type EntryParties = { organisationId?: string; contactId?: string; externalName?: string };

/**
 * Checks who an entry names and returns the fields to store. A person's organisation is stored with the
 * entry (so the roster keeps saying whom the person represented); naming another organisation than the
 * person's own is refused.
 */
export function resolveEntryParties(doc: Pick<SambrukDocument, 'organisations' | 'contacts'>, input: EntryParties): EntryParties {
  const { organisationId, contactId, externalName } = input;
  if (externalName !== undefined && (organisationId !== undefined || contactId !== undefined)) {
    throw new AppError('validation', 'Extern deltagare: Ange antingen en extern deltagare eller en organisation/kontaktperson, inte båda.', {
      field: 'externalName',
    });
  }
  if (externalName !== undefined) return { externalName };
  if (contactId !== undefined) {
    const contact = doc.contacts.find((c) => c.id === contactId);
    if (!contact) throw fieldError('not-found', 'contactId', 'Personen finns inte.');
    if (organisationId !== undefined && organisationId !== contact.organisationId) {
      throw fieldError('validation', 'organisationId', `${contact.name} hör till en annan organisation.`);
    }
    return { organisationId: contact.organisationId, contactId };
  }
  if (organisationId !== undefined) {
    if (!doc.organisations.some((o) => o.id === organisationId)) {
      throw fieldError('not-found', 'organisationId', 'Organisationen finns inte.');
    }
    return { organisationId };
  }
  throw fieldError('validation', 'organisationId', 'Ange en organisation, en kontaktperson eller en extern deltagare.', {}, 'Deltagare');
}

function participantKey(entry: EntryParties): string {
  if (entry.contactId !== undefined) return `c:${entry.contactId}`;
  if (entry.organisationId !== undefined) return `o:${entry.organisationId}`;
  return `e:${nameKey(entry.externalName ?? '')}`;
}

/** Refuses a second entry for the same participant whose period overlaps an existing one. */
export function assertNoRosterOverlap(
  roster: readonly RosterEntry[],
  candidate: EntryParties & Period,
  ignoreId?: string,
): void {
  const key = participantKey(candidate);
  for (const entry of roster) {
    if (entry.id === ignoreId || participantKey(entry) !== key) continue;
    if (periodsOverlap(entry, candidate)) {
      const span = entry.to === undefined ? `från och med ${entry.from}` : `${entry.from} – ${entry.to}`;
      throw new AppError('conflict', `Från och med: Deltagaren finns redan i nätverket under den tiden (${span}).`, {
        field: 'from',
        existingId: entry.id,
      });
    }
  }
}

/** Roles that make a person an organisation's representative in a governance council, preferred first. */
export const representativeRoles: readonly RosterRole[] = ['ordforande', 'ledamot'];

export type EndPersonChange = { networkId: string; entryId: string; action: 'ended' | 'removed'; before: RosterEntry };

/**
 * Ends every entry of `contactId` that is in force on or after `date`, in every network (archived ones
 * too: the person has left): open entries and entries ending later get `to = date`; entries that would
 * only start after `date` are removed. Entries already over by `date` are left as history. Each is an
 * operation of the transaction, logged with `summary`; returns what it changed.
 */
export function endPersonEverywhere(tx: Transaction, contactId: string, date: string, summary: (change: EndPersonChange, network: Network) => string): EndPersonChange[] {
  const changes: EndPersonChange[] = [];
  for (const network of tx.networks.all()) {
    for (const entry of network.roster) {
      if (entry.contactId !== contactId) continue;
      if (entry.from > date) {
        const change: EndPersonChange = { networkId: network.id, entryId: entry.id, action: 'removed', before: entry };
        tx.roster.remove(network.id, entry.id, { summary: summary(change, network) });
        changes.push(change);
      } else if (entry.to === undefined || entry.to > date) {
        const change: EndPersonChange = { networkId: network.id, entryId: entry.id, action: 'ended', before: entry };
        tx.roster.update(network.id, entry.id, { to: date }, { summary: summary(change, network) });
        changes.push(change);
      }
    }
  }
  return changes;
}
