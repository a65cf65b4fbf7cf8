/**
 * The register shared on a PostgreSQL server (16 or newer), behind the same repository as the JSON file.
 *
 * The tables are those of `register.sql`: one per list of records (id, position, row version, the record as
 * JSONB; invoicing's in the schema `kansli_ekonomi`, which only the accountant's role writes, billing details
 * aside), the sections that are not lists, the change log and the revision. This module keeps `known`: the
 * register as it last read or wrote it, with every row's position and version. A change is one database
 * transaction that first locks the revision row, so changes are saved one after the other. If others saved
 * since `known`, what they changed is read (rows whose version is newer) and the change is made again on that
 * state (`rerun`); it is refused, naming who changed what, when its rules no longer hold. Only the rows the
 * change touched are written, each on condition that it is still at the version read. Every change ends with
 * `NOTIFY kansli_andrat`; other copies of the app read what changed and show it.
 *
 * When the server cannot be reached, the register is shown as last read, read-only, and the connection is
 * tried again by itself.
 */
import pg from 'pg';
import { freeze } from 'immer';
import type { z } from 'zod';
import { AppError } from '../../contract/result';
import type { WriteArea } from '../../contract/channels/app.channels';
import type { CommitAttempt, SharedStore } from '../../core/store/repository';
import { validateDocument } from '../../core/store/parse-document';
import {
  articleSchema,
  billingDetailsSchema,
  boardPackSnapshotSchema,
  budgetColumnSchema,
  budgetLineSchema,
  changeLogEntrySchema,
  contactSchema,
  documentSchema,
  feeTableSchema,
  goalSchema,
  invoiceRunSchema,
  invoiceSchema,
  invoiceSettingsSchema,
  membershipSchema,
  networkSchema,
  organisationSchema,
  paymentSchema,
  planFigureSchema,
  referenceSchema,
  selectionSchema,
  SCHEMA_VERSION,
  serviceSchema,
  usageSchema,
  type ChangeLogEntry,
  type SambrukDocument,
} from '../../core/store/schema';
import { tableSpecs, type TableName } from '../../core/store/transaction';
import { rowPositions } from './row-positions';

/**
 * The register's lists and their tables in `register.sql`, with the schema each row is read back through and
 * what a role refused the table may not do (Swedish, after «får inte»). The populations by year live inside the
 * reference data and travel with its section.
 */
type RowTableName = Exclude<TableName, 'populations' | 'swedenPopulation'>;
type TableInfo = {
  /** The table's name, unique across both schemas (`kansli.removed` names tables by it). */
  sql: string;
  /** Invoicing lives in `kansli_ekonomi`, which only the accountant's role writes (billing details aside). */
  pgSchema?: 'kansli_ekonomi';
  schema: z.ZodType;
  json?: true;
  refused: string;
};
export const REGISTER_TABLES: Record<RowTableName, TableInfo> = {
  organisations: { sql: 'organisations', schema: organisationSchema, refused: 'ändra organisationer' },
  memberships: { sql: 'memberships', schema: membershipSchema, refused: 'ändra medlemskap' },
  contacts: { sql: 'contacts', schema: contactSchema, refused: 'ändra kontaktpersoner' },
  services: { sql: 'services', schema: serviceSchema, refused: 'ändra tjänster' },
  usages: { sql: 'usages', schema: usageSchema, refused: 'ändra vilka som använder tjänsterna' },
  networks: { sql: 'networks', schema: networkSchema, refused: 'ändra nätverk, förvaltningsråd och projekt' },
  feeTables: { sql: 'fee_tables', schema: feeTableSchema, refused: 'ändra avgiftstabeller' },
  goals: { sql: 'goals', schema: goalSchema, refused: 'ändra mål' },
  boardPacks: { sql: 'board_packs', schema: boardPackSnapshotSchema, json: true, refused: 'spara styrelserapporter' },
  budgetLines: { sql: 'budget_lines', schema: budgetLineSchema, refused: 'ändra budgeten' },
  budgetColumns: { sql: 'budget_columns', schema: budgetColumnSchema, json: true, refused: 'ändra budgeten' },
  selections: { sql: 'selections', schema: selectionSchema, refused: 'ändra sparade urval' },
  planFigures: { sql: 'plan_figures', schema: planFigureSchema, refused: 'ändra planens uppgifter' },
  invoiceSettings: { sql: 'invoice_settings', pgSchema: 'kansli_ekonomi', schema: invoiceSettingsSchema, refused: 'ändra föreningens uppgifter för fakturering' },
  billing: { sql: 'billing', pgSchema: 'kansli_ekonomi', schema: billingDetailsSchema, refused: 'ändra organisationernas faktureringsuppgifter' },
  articles: { sql: 'articles', pgSchema: 'kansli_ekonomi', schema: articleSchema, refused: 'ändra artiklar (konton och moms)' },
  invoiceRuns: { sql: 'invoice_runs', pgSchema: 'kansli_ekonomi', schema: invoiceRunSchema, refused: 'göra faktureringsomgångar' },
  invoices: { sql: 'invoices', pgSchema: 'kansli_ekonomi', schema: invoiceSchema, refused: 'skapa, ändra eller utfärda fakturor och kreditfakturor' },
  payments: { sql: 'payments', pgSchema: 'kansli_ekonomi', schema: paymentSchema, refused: 'registrera betalningar' },
};
const TABLE_NAMES = Object.keys(REGISTER_TABLES) as RowTableName[];
const TABLE_BY_SQL = new Map(TABLE_NAMES.map((name) => [REGISTER_TABLES[name].sql, name]));

/** The table's schema-qualified name in SQL. */
const qualified = (name: RowTableName) => `${REGISTER_TABLES[name].pgSchema ?? 'kansli'}.${REGISTER_TABLES[name].sql}`;

export const CHANGE_CHANNEL = 'kansli_andrat';

type Spec = { key(record: unknown): string; read(doc: SambrukDocument): readonly unknown[]; write(doc: SambrukDocument, rows: readonly unknown[]): SambrukDocument };
const specOf = (name: RowTableName) => tableSpecs[name] as unknown as Spec;

/** A row's place in the register's order and the revision that last wrote it (its version). */
type RowState = { pos: number; rev: number };
type Positions = Map<RowTableName, Map<string, RowState>>;

// ---------------------------------------------------------------- connecting

type SslMode = 'disable' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';

/**
 * The client's settings from a `postgres://` URL. `sslmode` keeps libpq's meaning (node-postgres alone would
 * make `prefer` demand a verified certificate); default `prefer`: TLS whenever the server offers it.
 */
export function connectionSettings(url: string): { config: pg.ClientConfig; sslmode: SslMode; display: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError('validation', 'Serveradressen går inte att läsa. Skriv den som postgres://användare@server/databas.');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new AppError('validation', 'Serveradressen ska börja med postgres:// (till exempel postgres://anna@server/kansli).');
  }
  const mode = (parsed.searchParams.get('sslmode') ?? 'prefer') as SslMode;
  if (!['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'].includes(mode)) {
    throw new AppError('validation', `Okänt värde för sslmode: ${mode.slice(0, 40)}.`);
  }
  parsed.searchParams.delete('sslmode');
  const display = withoutPassword(parsed.toString());
  const ssl = mode === 'disable' || mode === 'allow' ? false : { rejectUnauthorized: mode === 'verify-ca' || mode === 'verify-full' };
  return {
    config: { connectionString: parsed.toString(), ssl, connectionTimeoutMillis: 5_000, keepAlive: true, application_name: 'Sambruk Kansli' },
    sslmode: mode,
    display,
  };
}

/** The URL as it may be shown and remembered: never with a password. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '';
  }
}

function offersNoTls(error: unknown): boolean {
  return error instanceof Error && /does not support SSL/i.test(error.message);
}

/** Connects, falling back to a plain connection only when `sslmode=prefer` and the server offers no TLS. */
export async function connectClient(url: string): Promise<pg.Client> {
  const { config, sslmode } = connectionSettings(url);
  const client = new pg.Client(config);
  try {
    await client.connect();
    return client;
  } catch (error) {
    if (sslmode !== 'prefer' || !offersNoTls(error)) throw describeConnectError(error);
  }
  const plain = new pg.Client({ ...config, ssl: false });
  try {
    await plain.connect();
    return plain;
  } catch (error) {
    throw describeConnectError(error);
  }
}

type PgError = Error & { code?: string };
const pgCode = (error: unknown) => (error as PgError | undefined)?.code;

function describeConnectError(error: unknown): AppError {
  const code = pgCode(error);
  if (code === '28P01' || code === '28000') return new AppError('forbidden', 'Servern godtog inte inloggningen. Kontrollera användarnamnet och lösenordet (PGPASSWORD eller .pgpass).');
  if (code === '3D000') return new AppError('not-found', 'Databasen finns inte på servern. Kontrollera serveradressen.');
  return new AppError('save-failed', 'Servern går inte att nå. Kontrollera adressen och nätverket.');
}

/** A lost connection rather than a refusal: the server went away, the network broke. */
export function isConnectionError(error: unknown): boolean {
  const code = pgCode(error);
  if (typeof code === 'string') return code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH'].includes(code);
  return error instanceof Error && /Connection terminated|connection timeout|not queryable|Client was closed/i.test(error.message);
}

/** The server refused the role a write to one table: the refusal can say what the role may not do. */
class TableRefused extends Error {
  constructor(readonly table: RowTableName) {
    super(`refused: ${table}`);
  }
}

function describeWriteError(error: unknown, role: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof TableRefused) return new AppError('forbidden', `Din databasroll (${role}) får inte ${REGISTER_TABLES[error.table].refused}. Ändringen sparades inte.`);
  if (pgCode(error) === '42501') return new AppError('forbidden', `Din databasroll (${role}) får inte göra den här ändringen. Ändringen sparades inte.`);
  if (isConnectionError(error)) return new AppError('save-failed', 'Förbindelsen med servern bröts. Registret visas skrivskyddat tills den är tillbaka; kontrollera sedan om ändringen kom med.');
  return new AppError('save-failed', 'Servern sparade inte ändringen.');
}

// ---------------------------------------------------------------- reading

type Row = { t: string; id: string; pos: number; rev: string; data: unknown };

/** Every row of every list, in the register's order. */
function unionOfTables(condition: string): string {
  return TABLE_NAMES.map((name) => `SELECT '${REGISTER_TABLES[name].sql}' AS t, id, pos, rev, data::json AS data FROM ${qualified(name)}${condition}`).join(' UNION ALL ');
}

/** Reads the whole register in one snapshot and validates it as the file store validates a file. */
export async function readRegister(client: pg.ClientBase): Promise<{ document: SambrukDocument; positions: Positions }> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const head = await client.query<{ schema_version: number; revision: string }>('SELECT schema_version, revision FROM kansli.register');
    const top = head.rows[0];
    if (!top) throw new AppError('not-found', 'Databasen har inget register ännu. Fyll den med «npm run register -- push».');
    if (top.schema_version !== SCHEMA_VERSION) {
      throw new AppError('read-only', `Registret på servern har formatversion ${top.schema_version}; den här versionen av Sambruk Kansli läser version ${SCHEMA_VERSION}.`);
    }
    const sections = await client.query<{ name: string; data: Record<string, unknown> }>('SELECT name, data FROM kansli.sections');
    // Each list as one JSON array built by the server: one text to parse instead of tens of thousands of rows.
    const lists = new Map<RowTableName, unknown[]>();
    const positions: Positions = new Map();
    for (const name of TABLE_NAMES) {
      const table = await client.query<{ data: string; places: string }>(
        `SELECT coalesce(json_agg(data ORDER BY pos), '[]')::text AS data, coalesce(json_agg(json_build_array(id, pos, rev) ORDER BY pos), '[]')::text AS places FROM ${qualified(name)}`,
      );
      const row = table.rows[0];
      lists.set(name, JSON.parse(row?.data ?? '[]') as unknown[]);
      positions.set(name, new Map((JSON.parse(row?.places ?? '[]') as [string, number, number][]).map(([id, pos, rev]) => [id, { pos, rev }])));
    }
    const log = await client.query<{ data: string }>("SELECT coalesce(json_agg(data ORDER BY seq), '[]')::text AS data FROM kansli.change_log");
    await client.query('COMMIT');
    const section = (name: string) => sections.rows.find((s) => s.name === name)?.data;
    const raw = {
      schemaVersion: top.schema_version,
      meta: { ...(section('meta') ?? {}), revision: Number(top.revision) },
      reference: section('reference'),
      organisations: lists.get('organisations'),
      memberships: lists.get('memberships'),
      contacts: lists.get('contacts'),
      services: lists.get('services'),
      usages: lists.get('usages'),
      networks: lists.get('networks'),
      budget: { lines: lists.get('budgetLines'), columns: lists.get('budgetColumns') },
      feeTables: lists.get('feeTables'),
      goals: lists.get('goals'),
      boardPacks: lists.get('boardPacks'),
      selections: lists.get('selections'),
      planFigures: lists.get('planFigures'),
      invoicing: {
        settings: lists.get('invoiceSettings'),
        billing: lists.get('billing'),
        articles: lists.get('articles'),
        runs: lists.get('invoiceRuns'),
        invoices: lists.get('invoices'),
        payments: lists.get('payments'),
      },
      changeLog: JSON.parse(log.rows[0]?.data ?? '[]') as unknown[],
      settings: section('settings') ?? {},
    };
    return { document: freeze(validateDocument(raw), true), positions };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (pgCode(error) === '42P01') throw new AppError('not-found', MISSING_TABLES);
    throw error;
  }
}

/** A database set up by an earlier version (before invoicing, say) lacks tables; register.sql adds them. */
const MISSING_TABLES = 'Databasen saknar tabeller som den här versionen av Sambruk Kansli behöver. Be databasens ägare köra register.sql igen (se README); den lägger till det som saknas och ändrar inget som finns.';

/** The register's tables that the database does not have (schema-qualified): none once register.sql has run. */
export async function missingRegisterTables(client: pg.ClientBase): Promise<string[]> {
  const names = ['kansli.register', 'kansli.sections', 'kansli.removed', 'kansli.change_log', ...TABLE_NAMES.map(qualified)];
  const found = await client.query<{ name: string }>('SELECT name FROM unnest($1::text[]) AS name WHERE to_regclass(name) IS NULL', [names]);
  return found.rows.map((r) => r.name);
}

/** What others saved after revision `since`, read inside the caller's transaction. */
async function readDelta(client: pg.ClientBase, since: number) {
  const sections = await client.query<{ name: string; data: Record<string, unknown> }>('SELECT name, data FROM kansli.sections WHERE rev > $1', [since]);
  const rows = await client.query<Row>(unionOfTables(' WHERE rev > $1'), [since]);
  const removed = await client.query<{ table_name: string; id: string }>('SELECT table_name, id FROM kansli.removed WHERE rev > $1', [since]);
  const log = await client.query<{ data: unknown }>('SELECT data FROM kansli.change_log WHERE rev > $1 ORDER BY seq', [since]);
  return { sections: sections.rows, rows: rows.rows, removed: removed.rows, log: log.rows.map((r) => changeLogEntrySchema.parse(r.data)) };
}

type Delta = Awaited<ReturnType<typeof readDelta>>;

/** `known` with what others saved: changed lists rebuilt in position order, each new row validated. */
function applyDelta(known: SambrukDocument, positions: Positions, delta: Delta, revision: number): SambrukDocument {
  let doc: SambrukDocument = { ...known };
  const touched = new Map<RowTableName, Map<string, unknown>>();
  const listOf = (name: RowTableName) => {
    let rows = touched.get(name);
    if (!rows) {
      const spec = specOf(name);
      rows = new Map(spec.read(known).map((r) => [spec.key(r), r]));
      touched.set(name, rows);
    }
    return rows;
  };
  const goneFromLog = new Set(delta.removed.filter((r) => r.table_name === 'change_log').map((r) => r.id));
  for (const gone of delta.removed) {
    const name = TABLE_BY_SQL.get(gone.table_name);
    if (!name) continue;
    listOf(name).delete(gone.id);
    positions.get(name)?.delete(gone.id);
  }
  for (const row of delta.rows) {
    const name = TABLE_BY_SQL.get(row.t) as RowTableName;
    listOf(name).set(row.id, freeze(REGISTER_TABLES[name].schema.parse(row.data), true));
    positions.get(name)?.set(row.id, { pos: row.pos, rev: Number(row.rev) });
  }
  for (const [name, rows] of touched) {
    const place = positions.get(name) as Map<string, RowState>;
    const ordered = [...rows.entries()].sort((a, b) => (place.get(a[0])?.pos ?? 0) - (place.get(b[0])?.pos ?? 0)).map(([, r]) => r);
    doc = specOf(name).write(doc, Object.freeze(ordered));
  }
  let meta = { ...known.meta, revision };
  for (const section of delta.sections) {
    if (section.name === 'meta') meta = documentSchema.shape.meta.parse({ ...section.data, revision });
    if (section.name === 'reference') doc.reference = freeze(referenceSchema.parse(section.data), true);
    if (section.name === 'settings') doc.settings = freeze({ ...section.data }, true);
  }
  doc.meta = Object.freeze(meta);
  if (delta.log.length > 0 || goneFromLog.size > 0) {
    const byId = new Map(delta.log.map((e) => [e.id, freeze(e, true)]));
    const log = known.changeLog.filter((e) => !goneFromLog.has(e.id)).map((e) => byId.get(e.id) ?? e);
    const seen = new Set(known.changeLog.map((e) => e.id));
    for (const entry of byId.values()) if (!seen.has(entry.id)) log.push(entry);
    doc.changeLog = Object.freeze(log) as SambrukDocument['changeLog'];
  }
  return Object.freeze(doc);
}

// ---------------------------------------------------------------- writing

type TableWrites = { inserts: { id: string; pos: number; data: string }[]; updates: { id: string; pos: number; data: string; old: number }[]; removes: { id: string; old: number }[] };

/** The rows of one list that `next` changed against `base`, with positions that keep `next`'s order. */
function tableWrites(name: RowTableName, base: SambrukDocument, next: SambrukDocument, positions: Positions): TableWrites | undefined {
  const spec = specOf(name);
  const before = spec.read(base);
  const after = spec.read(next);
  if (before === after) return undefined;
  const place = positions.get(name) as Map<string, RowState>;
  const beforeById = new Map(before.map((r) => [spec.key(r), r]));
  const afterKeys = after.map((r) => spec.key(r));
  const afterSet = new Set(afterKeys);
  const writes: TableWrites = { inserts: [], updates: [], removes: [] };
  for (const id of beforeById.keys()) {
    if (!afterSet.has(id)) writes.removes.push({ id, old: place.get(id)?.rev ?? 0 });
  }
  const wanted = rowPositions(afterKeys, (key) => (beforeById.has(key) ? place.get(key)?.pos : undefined));
  for (let i = 0; i < after.length; i++) {
    const id = afterKeys[i] as string;
    const row = after[i];
    const old = beforeById.get(id);
    const state = place.get(id);
    if (old === undefined) writes.inserts.push({ id, pos: wanted[i] as number, data: JSON.stringify(row) });
    else if (old !== row || state?.pos !== wanted[i]) writes.updates.push({ id, pos: wanted[i] as number, data: JSON.stringify(row), old: state?.rev ?? 0 });
  }
  return writes;
}

/**
 * How the log of `next` differs from that of `base`: entries added (a change), rewritten (an erasure scrubbing
 * a person out of old entries) or gone (a restored backup). Only what follows the first difference is looked at.
 */
function logChanges(base: SambrukDocument, next: SambrukDocument) {
  const before = base.changeLog;
  const after = next.changeLog;
  let same = 0;
  while (same < before.length && same < after.length && before[same] === after[same]) same++;
  const rest = new Map(before.slice(same).map((e) => [e.id, e]));
  const added: ChangeLogEntry[] = [];
  const rewritten: ChangeLogEntry[] = [];
  for (const entry of after.slice(same)) {
    const was = rest.get(entry.id);
    if (was === undefined) added.push(entry);
    else if (was !== entry) rewritten.push(entry);
    rest.delete(entry.id);
  }
  return { added, rewritten, removed: [...rest.keys()] };
}

/** Someone else's version of a row was found where ours was expected: nothing of the change is kept. */
class RowVersionConflict extends Error {}

async function writeTable(client: pg.ClientBase, name: RowTableName, writes: TableWrites, revision: number) {
  try {
    await writeRows(client, name, writes, revision);
  } catch (error) {
    throw pgCode(error) === '42501' ? new TableRefused(name) : error;
  }
}

async function writeRows(client: pg.ClientBase, name: RowTableName, writes: TableWrites, revision: number) {
  const table = qualified(name);
  // The column's type (register.sql): jsonb for records, json where key order must survive.
  const type = REGISTER_TABLES[name].json ? 'json' : 'jsonb';
  if (writes.removes.length > 0) {
    const ids = writes.removes.map((w) => w.id);
    const done = await client.query(`DELETE FROM ${table} t USING unnest($1::text[], $2::bigint[]) AS u(id, old) WHERE t.id = u.id AND t.rev = u.old`, [ids, writes.removes.map((w) => w.old)]);
    if (done.rowCount !== ids.length) throw new RowVersionConflict(name);
    await client.query(
      `INSERT INTO kansli.removed (table_name, id, rev) SELECT $1, u.id, $3 FROM unnest($2::text[]) AS u(id)
       ON CONFLICT (table_name, id) DO UPDATE SET rev = excluded.rev`,
      [REGISTER_TABLES[name].sql, ids, revision],
    );
  }
  if (writes.updates.length > 0) {
    const u = writes.updates;
    const done = await client.query(
      `UPDATE ${table} t SET pos = u.pos, rev = $5, data = u.data::${type}
       FROM unnest($1::text[], $2::float8[], $3::text[], $4::bigint[]) AS u(id, pos, data, old) WHERE t.id = u.id AND t.rev = u.old`,
      [u.map((w) => w.id), u.map((w) => w.pos), u.map((w) => w.data), u.map((w) => w.old), revision],
    );
    if (done.rowCount !== u.length) throw new RowVersionConflict(name);
  }
  if (writes.inserts.length > 0) {
    const n = writes.inserts;
    await client.query(`INSERT INTO ${table} (id, pos, rev, data) SELECT u.id, u.pos, $4, u.data::${type} FROM unnest($1::text[], $2::float8[], $3::text[]) AS u(id, pos, data)`, [
      n.map((w) => w.id),
      n.map((w) => w.pos),
      n.map((w) => w.data),
      revision,
    ]);
  }
}

function applyWrites(positions: Positions, name: RowTableName, writes: TableWrites, revision: number) {
  const place = positions.get(name) as Map<string, RowState>;
  for (const w of writes.removes) place.delete(w.id);
  for (const w of [...writes.updates, ...writes.inserts]) place.set(w.id, { pos: w.pos, rev: revision });
}

function sectionData(doc: SambrukDocument, name: 'meta' | 'reference' | 'settings'): unknown {
  if (name === 'meta') {
    const { revision: _revision, ...rest } = doc.meta;
    return rest;
  }
  return doc[name];
}

/**
 * Writes `next` over `base` (both at the state `positions` describes) as revision `next.meta.revision`, inside
 * the caller's transaction: the changed rows, the sections, the new and rewritten log entries, the revision.
 */
async function writeChange(client: pg.ClientBase, base: SambrukDocument, next: SambrukDocument, positions: Positions): Promise<Positions> {
  const revision = next.meta.revision;
  // Only the tables this change writes get a new map of positions; the rest are shared with `positions`, which
  // stays as it was should the transaction fail.
  const placed: Positions = new Map(positions);
  for (const name of TABLE_NAMES) {
    const writes = tableWrites(name, base, next, placed);
    if (!writes) continue;
    await writeTable(client, name, writes, revision);
    placed.set(name, new Map(placed.get(name)));
    applyWrites(placed, name, writes, revision);
  }
  const sections = (['meta', 'reference', 'settings'] as const).filter((s) => s === 'meta' || base[s] !== next[s]);
  await client.query(
    `INSERT INTO kansli.sections (name, rev, data) SELECT u.name, $3, u.data::json FROM unnest($1::text[], $2::text[]) AS u(name, data)
     ON CONFLICT (name) DO UPDATE SET rev = excluded.rev, data = excluded.data`,
    [sections, sections.map((s) => JSON.stringify(sectionData(next, s))), revision],
  );
  const log = logChanges(base, next);
  if (log.removed.length > 0) {
    await client.query('DELETE FROM kansli.change_log WHERE id = ANY($1::text[])', [log.removed]);
    await client.query(
      `INSERT INTO kansli.removed (table_name, id, rev) SELECT 'change_log', u.id, $2 FROM unnest($1::text[]) AS u(id)
       ON CONFLICT (table_name, id) DO UPDATE SET rev = excluded.rev`,
      [log.removed, revision],
    );
  }
  if (log.rewritten.length > 0) {
    await client.query(`UPDATE kansli.change_log c SET data = u.data::json, rev = $3 FROM unnest($1::text[], $2::text[]) AS u(id, data) WHERE c.id = u.id`, [
      log.rewritten.map((e) => e.id),
      log.rewritten.map((e) => JSON.stringify(e)),
      revision,
    ]);
  }
  if (log.added.length > 0) {
    await client.query('INSERT INTO kansli.change_log (id, revision, rev, data) SELECT u.id, $3, $3, u.data::json FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(id, data, ord) ORDER BY u.ord', [
      log.added.map((e) => e.id),
      log.added.map((e) => JSON.stringify(e)),
      revision,
    ]);
  }
  await client.query('UPDATE kansli.register SET revision = $1::bigint RETURNING pg_notify($2, $1::bigint::text)', [revision, CHANGE_CHANNEL]);
  return placed;
}

/** Loads a whole register into an empty database (push); the caller's transaction holds it. */
export async function writeWholeRegister(client: pg.ClientBase, doc: SambrukDocument): Promise<void> {
  const empty: SambrukDocument = {
    ...doc,
    organisations: [],
    memberships: [],
    contacts: [],
    services: [],
    usages: [],
    networks: [],
    budget: { lines: [], columns: [] },
    feeTables: [],
    goals: [],
    boardPacks: [],
    selections: [],
    planFigures: [],
    invoicing: { settings: [], billing: [], articles: [], runs: [], invoices: [], payments: [] },
    changeLog: [],
    reference: { municipalities: [], counties: [], swedenPopulation: [], populations: [] },
    settings: {},
  };
  await client.query('INSERT INTO kansli.register (schema_version, revision) VALUES ($1, $2)', [doc.schemaVersion, doc.meta.revision]);
  const positions: Positions = new Map(TABLE_NAMES.map((n) => [n, new Map()]));
  // The server refuses log entries in another name than the one logged in; the pushed history keeps its names.
  await client.query('ALTER TABLE kansli.change_log DISABLE TRIGGER change_log_by');
  await writeChange(client, empty, doc, positions);
  await client.query('ALTER TABLE kansli.change_log ENABLE TRIGGER change_log_by');
}

// ---------------------------------------------------------------- the shared register

/** Who changed what since a state: for the refusal of a change whose rules no longer hold. */
function describeOthers(base: SambrukDocument, attempt: CommitAttempt, latest: SambrukDocument): string {
  const others = latest.changeLog.filter((e) => !base.changeLog.some((b) => b.id === e.id));
  const touched = new Set<string>();
  for (const name of TABLE_NAMES) {
    const spec = specOf(name);
    const before = spec.read(base);
    const after = spec.read(attempt.next);
    if (before === after) continue;
    const was = new Map(before.map((r) => [spec.key(r), r]));
    for (const r of after) if (was.get(spec.key(r)) !== r) touched.add(spec.key(r));
    for (const id of was.keys()) if (!after.some((r) => spec.key(r) === id)) touched.add(id);
  }
  const overlapping = others.filter((e) => touched.has(e.entityId) || (e.organisationId !== undefined && touched.has(e.organisationId)));
  const shown = (overlapping.length > 0 ? overlapping : others).slice(-3);
  if (shown.length === 0) return 'Någon annan har ändrat registret under tiden.';
  return `Under tiden ändrade ${shown.map((e) => `${e.by || 'okänd'}: «${e.summary}»`).join('; ')}.`;
}

export type ConnectionState = 'online' | 'offline';

export type SharedRegisterOptions = {
  /** Told when others changed the register (the repository then adopts `doc`). */
  onRemoteChange?: (doc: SambrukDocument) => void;
  /** Told when the server is lost and when it is back. */
  onConnection?: (state: ConnectionState, message: string) => void;
  /** Delays between attempts to reconnect (the last one repeats). */
  reconnectDelaysMs?: readonly number[];
};

/**
 * Connects as the person's own role, reads the register and listens for changes. The returned `store` goes to
 * the repository (`createRepository({ shared })`).
 */
export async function openSharedRegister(url: string, options: SharedRegisterOptions = {}) {
  const { display } = connectionSettings(url);
  let client = await connectClient(url);
  type Who = { role: string; can_write: boolean; writes_register: boolean; writes_invoicing: boolean; tls: boolean };
  // One table stands for each area (register.sql grants the area's tables together); a missing one (a database
  // set up before the area existed) is reported by `readRegister` below, in Swedish.
  const who = await client.query<Who>(
    `SELECT session_user AS role, has_table_privilege('kansli.register', 'UPDATE') AS can_write,
            coalesce(has_table_privilege(to_regclass('kansli.organisations'), 'INSERT'), false) AS writes_register,
            coalesce(has_table_privilege(to_regclass('kansli_ekonomi.invoices'), 'INSERT'), false) AS writes_invoicing,
            coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false) AS tls`,
  );
  const { role, can_write: canWrite, writes_register: writesRegister, writes_invoicing: writesInvoicing, tls } = who.rows[0] as Who;
  /** The areas the role may read but not change (all of them when it may not write at all). */
  const readOnlyAreas: WriteArea[] = [...(canWrite && writesRegister ? [] : ['register' as const]), ...(canWrite && writesInvoicing ? [] : ['invoicing' as const])];
  let { document: known, positions } = await readRegister(client);
  let online = true;
  let closed = false;
  let lock: Promise<unknown> = Promise.resolve();
  const delays = options.reconnectDelaysMs ?? [500, 1_000, 2_000, 5_000];

  /** One conversation with the server at a time: a transaction never interleaves with a read. */
  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = lock.then(task, task);
    lock = run.catch(() => undefined);
    return run;
  }

  function watch(c: pg.Client) {
    c.on('notification', (message) => {
      if (message.channel === CHANGE_CHANNEL && Number(message.payload) > known.meta.revision) void refresh().catch(() => undefined);
    });
    c.on('error', () => lost(c));
    c.on('end', () => lost(c));
  }

  async function listen(c: pg.Client) {
    watch(c);
    await c.query(`LISTEN ${CHANGE_CHANNEL}`);
  }

  function lost(c: pg.Client) {
    if (c !== client || !online || closed) return;
    online = false;
    options.onConnection?.('offline', 'Servern går inte att nå. Registret visas som det senast lästes, skrivskyddat, tills förbindelsen är tillbaka.');
    void reconnect();
  }

  async function reconnect() {
    for (let attempt = 0; !closed; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, delays[Math.min(attempt, delays.length - 1)]));
      if (closed) return;
      try {
        const fresh = await connectClient(url);
        await exclusive(async () => {
          client.removeAllListeners();
          void client.end().catch(() => undefined);
          client = fresh;
          await listen(fresh);
          await catchUp();
        });
        online = true;
        options.onConnection?.('online', 'Förbindelsen med servern är tillbaka.');
        options.onRemoteChange?.(known);
        return;
      } catch {
        // Still away; try again after the next delay.
      }
    }
  }

  /** Reads what others saved since `known`, in one snapshot. */
  async function catchUp(): Promise<boolean> {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      const head = await client.query<{ revision: string }>('SELECT revision FROM kansli.register');
      const revision = Number(head.rows[0]?.revision);
      if (revision === known.meta.revision) {
        await client.query('COMMIT');
        return false;
      }
      const delta = await readDelta(client, known.meta.revision);
      await client.query('COMMIT');
      known = applyDelta(known, positions, delta, revision);
      return true;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  async function refresh(): Promise<void> {
    if (!online) return;
    const changed = await exclusive(catchUp);
    if (changed) options.onRemoteChange?.(known);
  }

  await listen(client);

  const store: SharedStore = {
    commit(attempt) {
      return exclusive(async () => {
        if (!online) throw new AppError('read-only', 'Servern går inte att nå, så registret är skrivskyddat. Ändringen sparades inte.');
        const c = client;
        try {
          await c.query('BEGIN');
          const head = await c.query<{ revision: string }>('SELECT revision FROM kansli.register FOR UPDATE').catch((error: unknown) => {
            // Locking the revision is every change's first step; a role refused it may change nothing at all.
            throw pgCode(error) === '42501' ? new AppError('forbidden', `Din databasroll (${role}) får bara läsa registret. Ändringen sparades inte.`) : error;
          });
          const revision = Number(head.rows[0]?.revision);
          if (revision !== known.meta.revision) known = applyDelta(known, positions, await readDelta(c, known.meta.revision), revision);
          let next = attempt.next;
          if (attempt.base !== known) {
            attempt.adopt(known);
            try {
              next = attempt.rerun(known);
            } catch (refusal) {
              const why = describeOthers(attempt.base, attempt, known);
              const own = refusal instanceof AppError ? refusal.message : 'Ändringen går inte längre att göra.';
              throw new AppError(refusal instanceof AppError ? refusal.code : 'conflict', `Ändringen sparades inte. ${why} ${own}`);
            }
            if (next === known) {
              await c.query('COMMIT');
              return known;
            }
          }
          // The server writes who made each entry (its trigger); the copy kept here says the same.
          const added = new Set(logChanges(known, next).added);
          if ([...added].some((e) => e.by !== role)) {
            const log = next.changeLog.map((e) => (added.has(e) && e.by !== role ? freeze({ ...e, by: role }, true) : e));
            next = Object.freeze({ ...next, changeLog: Object.freeze(log) as SambrukDocument['changeLog'] });
          }
          const placed = await writeChange(c, known, next, positions);
          await c.query('COMMIT');
          positions = placed;
          known = next;
          return next;
        } catch (error) {
          await c.query('ROLLBACK').catch(() => undefined);
          if (error instanceof RowVersionConflict) throw new AppError('conflict', 'Någon annan ändrade samma uppgifter samtidigt. Ändringen sparades inte; försök igen.');
          if (isConnectionError(error)) lost(c);
          throw describeWriteError(error, role);
        }
      });
    },
  };

  return {
    document: known,
    store,
    role,
    canWrite,
    readOnlyAreas,
    tls,
    display,
    isOnline: () => online,
    /** The register as this copy last read or wrote it. */
    current: () => known,
    /** Reads what others changed now (also done by itself on every notification). */
    refresh,
    async close() {
      closed = true;
      await exclusive(async () => {
        client.removeAllListeners();
        await client.end().catch(() => undefined);
      });
    },
  };
}
