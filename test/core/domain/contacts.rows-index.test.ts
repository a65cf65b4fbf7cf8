/**
 * An organisation's contact persons come from an index per register state (an organisation page no longer scans
 * every person of the register): the rows must be those a scan gives, for every organisation, and follow a change.
 */
import { freeze, produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { contactRows } from '../../../electron/core/domain/contacts';
import { generateDemoDocument } from '../../../tools/demo/demo-document';
import { readDemoBase } from '../../../scripts/demo-data';

const doc = freeze(generateDemoDocument({ scale: 1, seed: 'contact-rows', base: readDemoBase() }), true);
const DATE = '2022-06-30';

describe('contactRows for one organisation', () => {
  it('gives what a scan of a plain copy gives, for every organisation', () => {
    const plain = structuredClone(doc);
    for (const org of doc.organisations) {
      expect(contactRows(doc, { organisationId: org.id, includeEnded: true, date: DATE })).toEqual(
        contactRows(plain, { organisationId: org.id, includeEnded: true, date: DATE }),
      );
    }
    expect(contactRows(doc, { organisationId: 'no-such-organisation', date: DATE })).toEqual([]);
  });

  it('sees a person moved to another organisation in the next state', () => {
    const person = doc.contacts[0]!;
    const other = doc.organisations.find((o) => o.id !== person.organisationId)!;
    expect(contactRows(doc, { organisationId: other.id, includeEnded: true, date: DATE }).map((c) => c.id)).not.toContain(person.id);
    const next = produce(doc, (d) => {
      d.contacts[0]!.organisationId = other.id;
    });
    const rows = contactRows(next, { organisationId: other.id, includeEnded: true, date: DATE });
    expect(rows.find((c) => c.id === person.id)?.organisationName).toBe(other.name);
    expect(contactRows(next, { organisationId: person.organisationId, includeEnded: true, date: DATE }).map((c) => c.id)).not.toContain(person.id);
  });
});
