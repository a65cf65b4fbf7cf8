-- Sambruk Kansli: the shared register in PostgreSQL (16 or newer).
-- Run once, as the database's owner (a role that may create roles), in the database the secretariat will use:
--   psql "postgres://admin@server/kansli" -v ON_ERROR_STOP=1 -f register.sql
-- It is idempotent: roles, schemas and tables that exist are left as they are; the grants are given again.
-- Each person then gets a login role of their own in one of the group roles (see README, «Delat register»).

-- ---------------------------------------------------------------- group roles
-- kansli_las:         reads everything (the board).
-- kansli_sekretariat: reads everything, changes the register (members, services, networks, budget, goals...).
-- kansli_ekonomi:     reads everything, and writes the economy schema: the association's invoicing settings,
--                     articles, invoice runs, invoices and credit notes, payments (issue 17), and billing details.
-- Billing details (addresses, references, e-invoice addresses) are also the secretariat's everyday work: it writes
-- them too, and may hand out the next customer number from the settings, but nothing else there (see below).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kansli_las') THEN CREATE ROLE kansli_las NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kansli_sekretariat') THEN CREATE ROLE kansli_sekretariat NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kansli_ekonomi') THEN CREATE ROLE kansli_ekonomi NOLOGIN; END IF;
END
$$;

CREATE SCHEMA IF NOT EXISTS kansli;
CREATE SCHEMA IF NOT EXISTS kansli_ekonomi;

-- ---------------------------------------------------------------- the register
-- One row: the register's revision (one more with every change) and schema version. Every change locks this
-- row first, so changes are saved one after the other and each gets the next revision.
CREATE TABLE IF NOT EXISTS kansli.register (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  schema_version integer NOT NULL,
  revision bigint NOT NULL
);

-- Records are JSONB (queryable, indexable). Where a value holds a map or free-form data whose key order is part
-- of the register's bytes (settings, budget amounts, board pack snapshots, the log's before and after), it is
-- `json`, which keeps the text as written; jsonb would sort the keys and the register would not come back the same.

-- What is not a list of records: meta (without the revision), reference data, settings.
CREATE TABLE IF NOT EXISTS kansli.sections (
  name text PRIMARY KEY CHECK (name IN ('meta', 'reference', 'settings')),
  rev bigint NOT NULL,
  data json NOT NULL
);

-- One table per list of records: keyed by the record's id, `pos` keeps the register's order, `rev` is the
-- revision that last wrote the row (its version: a change only writes a row still at the version it read).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['organisations', 'memberships', 'contacts', 'services', 'usages', 'networks',
                           'fee_tables', 'goals', 'board_packs', 'budget_lines', 'budget_columns', 'selections',
                           'plan_figures']
  LOOP
    EXECUTE format('CREATE TABLE IF NOT EXISTS kansli.%I (
      id text PRIMARY KEY,
      pos double precision NOT NULL,
      rev bigint NOT NULL,
      data %s NOT NULL)', t, CASE WHEN t IN ('board_packs', 'budget_columns') THEN 'json' ELSE 'jsonb' END);
    EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON kansli.%I (rev)', t || '_rev', t);
  END LOOP;
END
$$;

-- Invoicing (issue 17), in its own schema so that who may write it is the schema's business: one table per list,
-- of the same shape. `invoice_settings` holds one row, the association as seller (id `association`).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['invoice_settings', 'billing', 'articles', 'invoice_runs', 'invoices', 'payments']
  LOOP
    EXECUTE format('CREATE TABLE IF NOT EXISTS kansli_ekonomi.%I (
      id text PRIMARY KEY,
      pos double precision NOT NULL,
      rev bigint NOT NULL,
      data jsonb NOT NULL)', t);
    EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON kansli_ekonomi.%I (rev)', t || '_rev', t);
  END LOOP;
END
$$;

-- A new customer's number comes from the settings' counter, and adding billing details is the secretariat's work
-- too: a role outside kansli_ekonomi (and not the tables' owner) may move that counter forward and change nothing
-- else in the settings.
CREATE OR REPLACE FUNCTION kansli_ekonomi.guard_invoice_settings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_has_role('kansli_ekonomi', 'USAGE') OR pg_has_role((SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'USAGE') THEN
    RETURN NEW;
  END IF;
  IF NEW.id = OLD.id AND (NEW.data - 'nextCustomerNumber') = (OLD.data - 'nextCustomerNumber')
     AND (NEW.data->>'nextCustomerNumber')::numeric > (OLD.data->>'nextCustomerNumber')::numeric THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% may only hand out customer numbers from the invoicing settings', current_user USING ERRCODE = '42501';
END
$$;
DROP TRIGGER IF EXISTS invoice_settings_guard ON kansli_ekonomi.invoice_settings;
CREATE TRIGGER invoice_settings_guard BEFORE UPDATE ON kansli_ekonomi.invoice_settings FOR EACH ROW EXECUTE FUNCTION kansli_ekonomi.guard_invoice_settings();

-- Records taken out, so another copy of the app reading what changed since its revision learns of them too.
CREATE TABLE IF NOT EXISTS kansli.removed (
  table_name text NOT NULL,
  id text NOT NULL,
  rev bigint NOT NULL,
  PRIMARY KEY (table_name, id)
);
CREATE INDEX IF NOT EXISTS removed_rev ON kansli.removed (rev);

-- The change log: `by_role` is the database role that made the change, set by the server, not the app.
CREATE TABLE IF NOT EXISTS kansli.change_log (
  seq bigserial PRIMARY KEY,
  id text NOT NULL UNIQUE,
  revision bigint NOT NULL,
  rev bigint NOT NULL,
  by_role text NOT NULL DEFAULT session_user,
  data json NOT NULL
);
CREATE INDEX IF NOT EXISTS change_log_rev ON kansli.change_log (rev);

-- The entry's `by` must be whoever is logged in: nobody can write a change in someone else's name.
CREATE OR REPLACE FUNCTION kansli.stamp_change_by() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.data->>'by' IS DISTINCT FROM session_user::text THEN
    RAISE EXCEPTION 'the change log entry names % but % is logged in', NEW.data->>'by', session_user USING ERRCODE = '42501';
  END IF;
  NEW.by_role := session_user;
  RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS change_log_by ON kansli.change_log;
CREATE TRIGGER change_log_by BEFORE INSERT ON kansli.change_log FOR EACH ROW EXECUTE FUNCTION kansli.stamp_change_by();

-- ---------------------------------------------------------------- who may do what
REVOKE ALL ON SCHEMA kansli, kansli_ekonomi FROM PUBLIC;
GRANT USAGE ON SCHEMA kansli, kansli_ekonomi TO kansli_las, kansli_sekretariat, kansli_ekonomi;
GRANT SELECT ON ALL TABLES IN SCHEMA kansli TO kansli_las, kansli_sekretariat, kansli_ekonomi;

-- What every writer touches with each change: the revision, meta, the log.
GRANT UPDATE ON kansli.register TO kansli_sekretariat, kansli_ekonomi;
GRANT INSERT, UPDATE ON kansli.sections TO kansli_sekretariat, kansli_ekonomi;
GRANT INSERT ON kansli.change_log TO kansli_sekretariat, kansli_ekonomi;
GRANT USAGE ON SEQUENCE kansli.change_log_seq_seq TO kansli_sekretariat, kansli_ekonomi;

-- The register's records: the secretariat. (Erasing a person rewrites old log entries, restoring a backup
-- replaces the log: also the secretariat.)
GRANT INSERT, UPDATE, DELETE ON kansli.organisations, kansli.memberships, kansli.contacts, kansli.services,
  kansli.usages, kansli.networks, kansli.fee_tables, kansli.goals, kansli.board_packs, kansli.budget_lines,
  kansli.budget_columns, kansli.selections, kansli.plan_figures, kansli.removed TO kansli_sekretariat;
GRANT UPDATE, DELETE ON kansli.change_log TO kansli_sekretariat;

-- Invoicing (kansli_ekonomi): only the accountant's role writes it; everyone else reads. The grants are given
-- here as well as by default: default privileges cover only tables created after them, by the role that set them.
GRANT SELECT ON ALL TABLES IN SCHEMA kansli_ekonomi TO kansli_las, kansli_sekretariat;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA kansli_ekonomi TO kansli_ekonomi;
-- Except billing details, which the secretariat writes too, and the settings' customer number counter (the
-- trigger above keeps the secretariat to that).
GRANT INSERT, UPDATE, DELETE ON kansli_ekonomi.billing TO kansli_sekretariat;
GRANT UPDATE ON kansli_ekonomi.invoice_settings TO kansli_sekretariat;
-- Whatever the owner creates there later: the same, only the accountant's role writes.
ALTER DEFAULT PRIVILEGES IN SCHEMA kansli_ekonomi GRANT SELECT ON TABLES TO kansli_las, kansli_sekretariat;
ALTER DEFAULT PRIVILEGES IN SCHEMA kansli_ekonomi GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO kansli_ekonomi;
ALTER DEFAULT PRIVILEGES IN SCHEMA kansli_ekonomi GRANT USAGE ON SEQUENCES TO kansli_ekonomi;
GRANT INSERT, UPDATE ON kansli.removed TO kansli_ekonomi;
