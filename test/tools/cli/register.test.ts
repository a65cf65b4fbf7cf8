/**
 * `npm run register -- push|pull`: a JSON register into an empty database and back, against a real PostgreSQL.
 * Push then pull gives the same bytes; both validate; a second push into a filled database and a file that is
 * no register are refused in Swedish, with nothing written.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { parseArgs, runRegister } from '../../../tools/cli/register';
import { generateDemoDocument } from '../../../tools/demo/demo-document';
import { parseDocumentText, serialiseDocument } from '../../../electron/core/store/parse-document';
import type { SambrukDocument } from '../../../electron/core/store/schema';
import { withSampleInvoicing } from '../../fixtures/invoicing/sample-register';
import { loadDefaultDocument } from '../../support/memory-document';
import { asAdmin, describePg, pgUrl, registerDatabase } from '../../support/postgres';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

it('reads its arguments and refuses wrong ones in Swedish', () => {
  expect(parseArgs(['push', '--data', 'a.json', '--to', 'postgres://x@y/z'])).toEqual({ ok: true, args: { command: 'push', data: 'a.json', to: 'postgres://x@y/z' } });
  expect(parseArgs(['pull', '--from', 'postgres://x@y/z', '--out', 'b.json'])).toEqual({ ok: true, args: { command: 'pull', from: 'postgres://x@y/z', out: 'b.json' } });
  expect(parseArgs([])).toEqual({ ok: false, message: 'Börja med push eller pull.' });
  expect(parseArgs(['push', '--data', 'a.json'])).toEqual({ ok: false, message: 'Ange databasen med --to <postgres-url>.' });
  expect(parseArgs(['pull', '--from', 'postgres://x@y/z', '--data', 'a.json'])).toEqual({ ok: false, message: 'pull tar --from och --out (inte --data eller --to).' });
});

describePg('push and pull', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sambruk-register-cli-'));

  it.each([
    ['the default register', () => loadDefaultDocument()],
    ['a demo register three times the size, with history', () => generateDemoDocument({ scale: 3, seed: 'push-pull', base: loadDefaultDocument() })],
    ['a demo register with saved selections, plan figures and corrected populations', () => withNewerTables(generateDemoDocument({ scale: 1, seed: 'tables', base: loadDefaultDocument() }))],
    ['a register with invoicing: settings, billing details, articles, a run, invoices, a credit note, payments', () => withSampleInvoicing(loadDefaultDocument())],
  ])('push then pull gives the same bytes: %s', async (label, make) => {
    const doc = make();
    const source = path.join(dir, `in-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(source, serialiseDocument(doc));
    // An empty database: push creates the schema and roles itself.
    const db = `t_cli_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await asAdmin('postgres', `CREATE DATABASE ${db}`);
    const pushed = io();
    expect(await runRegister(['push', '--data', source, '--to', pgUrl(db)], pushed.io)).toBe(0);
    expect(pushed.err).toEqual([]);
    expect(pushed.out[0]).toMatch(/^Fyllde postgres:\/\/postgres@127\.0\.0\.1:\d+\/t_cli_\w+\?sslmode=disable med registret i /);
    const target = path.join(dir, `out-${Math.random().toString(36).slice(2)}.json`);
    const pulled = io();
    expect(await runRegister(['pull', '--from', pgUrl(db), '--out', target], pulled.io)).toBe(0);
    // The canonical serialisation: the register as the app reads it (validated, each record's fields in the
    // schema's order) and writes it. The default register's file is already canonical, byte for byte.
    expect(readFileSync(target, 'utf8')).toBe(serialiseDocument(parseDocumentText(readFileSync(source, 'utf8'))));
    if (label === 'the default register') expect(readFileSync(target, 'utf8')).toBe(readFileSync(source, 'utf8'));
    if (label.startsWith('a register with invoicing')) {
      expect(parseDocumentText(readFileSync(target, 'utf8')).invoicing).toEqual(doc.invoicing);
      expect((await asAdmin<{ n: string }>(db, 'SELECT count(*) AS n FROM kansli_ekonomi.invoices')).rows).toEqual([{ n: '3' }]);
    }
  });

  it('push into a database set up by an earlier version (no invoicing tables) adds what is missing first', async () => {
    const db = await registerDatabase('cli_older');
    await asAdmin(db, 'DROP SCHEMA kansli_ekonomi CASCADE');
    const source = path.join(dir, 'older.json');
    const doc = withSampleInvoicing(loadDefaultDocument());
    writeFileSync(source, serialiseDocument(doc));
    const pushed = io();
    expect(await runRegister(['push', '--data', source, '--to', pgUrl(db)], pushed.io)).toBe(0);
    expect(pushed.err).toEqual([]);
    expect((await asAdmin<{ n: string }>(db, 'SELECT count(*) AS n FROM kansli_ekonomi.payments')).rows).toEqual([{ n: String(doc.invoicing.payments.length) }]);
  });

  it('refuses to push into a database that already holds a register, and changes nothing', async () => {
    const db = await registerDatabase('cli_twice');
    const source = path.join(dir, 'twice.json');
    writeFileSync(source, serialiseDocument(loadDefaultDocument()));
    expect(await runRegister(['push', '--data', source, '--to', pgUrl(db)], io().io)).toBe(0);
    const before = await asAdmin<{ n: string }>(db, 'SELECT count(*) AS n FROM kansli.organisations');
    const again = io();
    expect(await runRegister(['push', '--data', source, '--to', pgUrl(db)], again.io)).toBe(1);
    expect(again.err).toEqual(['Fel: Databasen har redan ett register. push fyller bara en tom databas; hämta det som finns med pull.']);
    expect((await asAdmin<{ n: string }>(db, 'SELECT count(*) AS n FROM kansli.organisations')).rows).toEqual(before.rows);
  });

  it('refuses a file that is not a register, and pulls nothing from a database without one', async () => {
    const db = await registerDatabase('cli_bad');
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{"schemaVersion": 3}');
    const pushed = io();
    expect(await runRegister(['push', '--data', bad, '--to', pgUrl(db)], pushed.io)).toBe(1);
    expect(pushed.err[0]).toMatch(/^Fel: Registerfilen .*bad\.json är inte ett giltigt register\./);
    expect((await asAdmin(db, 'SELECT 1 FROM kansli.register')).rowCount).toBe(0);
    const pulled = io();
    expect(await runRegister(['pull', '--from', pgUrl(db), '--out', path.join(dir, 'nothing.json')], pulled.io)).toBe(1);
    expect(pulled.err).toEqual(['Fel: Databasen har inget register ännu. Fyll den med «npm run register -- push».']);
  });
});

/** The tables the register gained last (selections, plan figures) and populations inside the reference, all filled. */
function withNewerTables(doc: SambrukDocument): SambrukDocument {
  const [first, second] = doc.organisations;
  const service = doc.services[0]!;
  const [figure] = doc.reference.populations;
  return {
    ...doc,
    selections: [
      { id: 'urval-1', name: 'Utan tjänsten', criteria: { kind: 'anvander-inte', serviceId: service.id, includeNonMembers: true }, createdAt: '2022-05-01T08:00:00.000Z' },
      { id: 'urval-2', name: 'Två utvalda', criteria: { kind: 'organisationer', organisationIds: [first!.id, second!.id] }, createdAt: '2022-05-02T08:00:00.000Z' },
    ],
    planFigures: [...loadDefaultDocument().planFigures],
    reference: {
      ...doc.reference,
      populations: [{ ...figure!, population: figure!.population + 1, source: 'rattad', sourceNote: 'Rättad före flytten' }, ...doc.reference.populations.slice(1)],
    },
  };
}
