/**
 * Who may do what on the shared register: each person logs in with a role of their own, the change log names
 * it (the server refuses an entry in someone else's name), the board's role reads only, the accountant's role
 * does not change the secretariat's records but is the only one to write the economy schema, and TLS is used
 * when the server offers it. Passwords come from the connection (PGPASSWORD, .pgpass), never the register.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract';
import { serialiseDocument } from '../../../electron/core/store/parse-document';
import { connectClient, connectionSettings, openSharedRegister, withoutPassword } from '../../../electron/node/postgres/pg-register';
import { loadDefaultDocument } from '../../support/memory-document';
import { asAdmin, createPerson, describePg, pgUrl } from '../../support/postgres';
import { databaseRegister, filledDatabase, openAs } from '../../support/pg-register-helpers';

const opened: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(opened.map((o) => o.close()));
});

describePg('roles', () => {
  it('the change log names the role that made each change, and the server refuses another name', async () => {
    const db = await filledDatabase('by', loadDefaultDocument());
    const { shared, repo } = await openAs(db, 'roll_eva');
    opened.push(shared);
    // The secretariat's role writes the register but only reads invoicing: the screens say so before a click.
    expect(shared.readOnlyAreas).toEqual(['invoicing']);
    const org = repo.get().organisations[0]!;
    await repo.change('Eva skriver', (tx) => tx.organisations.update(org.id, { note: 'Eva' }));
    const rows = await asAdmin<{ by_role: string; by: string }>(db, "SELECT by_role, data->>'by' AS by FROM kansli.change_log");
    expect(rows.rows).toEqual([{ by_role: 'roll_eva', by: 'roll_eva' }]);
    // Straight to the database, in another's name: refused.
    await expect(
      asAdmin(db, "INSERT INTO kansli.change_log (id, revision, rev, data) VALUES ('x', 1, 1, '{\"by\":\"roll_eva\"}')"),
    ).rejects.toThrow(/names roll_eva but postgres is logged in/);
    expect(serialiseDocument(await databaseRegister(db))).toBe(serialiseDocument(repo.get()));
    const stored = await asAdmin<{ n: string }>(db, 'SELECT count(*) AS n FROM kansli.change_log');
    expect(stored.rows[0]?.n).toBe('1');
  });

  it("the board's role reads the register and opens it read-only; a change is refused by the server too", async () => {
    const db = await filledDatabase('board', loadDefaultDocument());
    const { shared, repo } = await openAs(db, 'roll_styrelsen', 'kansli_las');
    opened.push(shared);
    expect(shared.canWrite).toBe(false);
    expect(shared.readOnlyAreas).toEqual(['register', 'invoicing']);
    expect(repo.isReadOnly()).toBe(true);
    expect(repo.get().organisations.length).toBe(loadDefaultDocument().organisations.length);
    // Even a copy of the app that ignored read-only gets nowhere.
    repo.setReadOnly(false);
    const org = repo.get().organisations[0]!;
    const refusal = await repo.change('Styrelsen skriver', (tx) => tx.organisations.update(org.id, { note: 'nej' })).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: 'forbidden', message: 'Din databasroll (roll_styrelsen) får bara läsa registret. Ändringen sparades inte.' });
    expect((await databaseRegister(db)).organisations[0]!.note).toBe(org.note);
  });

  it("the accountant's role: may not change members; only it writes the economy schema's tables", async () => {
    const db = await filledDatabase('economy', loadDefaultDocument());
    const { shared, repo } = await openAs(db, 'roll_ekonom', 'kansli_ekonomi');
    opened.push(shared);
    expect(shared.readOnlyAreas).toEqual(['register']);
    const org = repo.get().organisations[0]!;
    await expect(repo.change('Ekonomen skriver', (tx) => tx.organisations.update(org.id, { note: 'nej' }))).rejects.toMatchObject({
      code: 'forbidden',
      message: 'Din databasroll (roll_ekonom) får inte ändra organisationer. Ändringen sparades inte.',
    });
    // A table the owner adds there later gets its grants from the default privileges.
    await asAdmin(db, 'CREATE TABLE kansli_ekonomi.later (id text PRIMARY KEY, data jsonb NOT NULL)');
    await createPerson('roll_sekreterare', 'kansli_sekretariat');
    const accountant = await connectClient(pgUrl(db, 'roll_ekonom'));
    const secretary = await connectClient(pgUrl(db, 'roll_sekreterare'));
    try {
      await accountant.query("INSERT INTO kansli_ekonomi.later VALUES ('f1', '{}')");
      await expect(secretary.query("INSERT INTO kansli_ekonomi.later VALUES ('f2', '{}')")).rejects.toMatchObject({ code: '42501' });
      expect((await secretary.query('SELECT id FROM kansli_ekonomi.later')).rows).toEqual([{ id: 'f1' }]);
    } finally {
      await accountant.end();
      await secretary.end();
    }
  });
});

describePg('connection', () => {
  it('uses TLS when the server offers it (sslmode=prefer, the default), and not when told not to', async () => {
    const db = await filledDatabase('tls', loadDefaultDocument());
    await createPerson('roll_tls', 'kansli_sekretariat');
    const preferred = await openSharedRegister(pgUrl(db, 'roll_tls', ''));
    opened.push(preferred);
    expect(preferred.tls).toBe(true);
    const plain = await openSharedRegister(pgUrl(db, 'roll_tls', 'sslmode=disable'));
    opened.push(plain);
    expect(plain.tls).toBe(false);
  });

  it('never shows or keeps a password; bad addresses are refused in Swedish', () => {
    expect(withoutPassword('postgres://anna:hemligt@server/kansli?sslmode=require')).toBe('postgres://anna@server/kansli?sslmode=require');
    expect(connectionSettings('postgres://anna:hemligt@server/kansli').display).toBe('postgres://anna@server/kansli');
    expect(() => connectionSettings('http://server/kansli')).toThrow('Serveradressen ska börja med postgres://');
    expect(() => connectionSettings('postgres://server/kansli?sslmode=kanske')).toThrow('Okänt värde för sslmode: kanske.');
  });

  it('a wrong database or an unreachable server is told in Swedish', async () => {
    await expect(openSharedRegister(pgUrl('finns_inte'))).rejects.toMatchObject({ message: 'Databasen finns inte på servern. Kontrollera serveradressen.' });
    await expect(openSharedRegister('postgres://x@127.0.0.1:1/kansli')).rejects.toMatchObject({ message: 'Servern går inte att nå. Kontrollera adressen och nätverket.' });
  });
});

it('the README ships the same SQL as register.sql, the file the tests and push run', () => {
  const root = path.resolve(import.meta.dirname, '../../..');
  const sql = readFileSync(path.join(root, 'electron/node/postgres/register.sql'), 'utf8');
  expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toContain(`\`\`\`sql\n${sql}\`\`\``);
});
