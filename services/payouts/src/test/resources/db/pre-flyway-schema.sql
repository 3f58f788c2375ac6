-- The payouts schema.sql as the service ran it at start before it had migrations (in public), kept verbatim so
-- that MigrationTest upgrades exactly what users' databases hold.
-- The payouts schema. Idempotent: every replica runs it at start, under an advisory lock.

-- Every holder of value. Balances are a cache of the entries below (the audit checks them); the CHECK makes the
-- database itself refuse any overdraft, whatever the application does or how many requests race.
CREATE TABLE IF NOT EXISTS accounts (
    id      text PRIMARY KEY,
    owner   text NOT NULL,
    kind    text NOT NULL,
    topic   text NOT NULL DEFAULT '',
    target  text NOT NULL DEFAULT '',
    balance bigint NOT NULL DEFAULT 0,
    CONSTRAINT no_overdraft CHECK (balance >= 0 OR kind = 'issuance')
);
-- Every balance changes with every settlement that pays it. Half-empty pages leave room for the new row version on
-- the same page (a HOT update), so updating a balance does not also write a new entry into every index.
ALTER TABLE accounts SET (fillfactor = 50);
CREATE INDEX IF NOT EXISTS accounts_owner ON accounts (owner);
-- Stake and delegations by topic (settlement, allotment, slashing read them so). Only those kinds have a topic, so
-- the index leaves out the (many) reward and liquid accounts, which a settlement would otherwise insert into it too.
CREATE INDEX IF NOT EXISTS accounts_stake_by_topic ON accounts (topic, kind) WHERE kind IN ('stake', 'delegation');
DROP INDEX IF EXISTS accounts_topic;

-- One row per balanced movement; the idempotency key makes a replayed request or redelivered event a no-op.
CREATE TABLE IF NOT EXISTS transactions (
    id              bigserial PRIMARY KEY,
    kind            text NOT NULL,
    idempotency_key text UNIQUE,
    memo            text,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS entries (
    id         bigserial PRIMARY KEY,
    tx_id      bigint NOT NULL,
    account_id text NOT NULL,
    amount     bigint NOT NULL CHECK (amount <> 0)
);
CREATE INDEX IF NOT EXISTS entries_account ON entries (account_id, id);
CREATE INDEX IF NOT EXISTS entries_tx ON entries (tx_id);

CREATE OR REPLACE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END $$;
CREATE OR REPLACE TRIGGER entries_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON entries
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
CREATE OR REPLACE TRIGGER transactions_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON transactions
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
-- Accounts are never removed and never renamed (only their cached balance changes), so an entry's account, once
-- checked, exists for good.
CREATE OR REPLACE FUNCTION accounts_permanent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'accounts are permanent: % on % refused', TG_OP, TG_TABLE_NAME;
END $$;
CREATE OR REPLACE TRIGGER accounts_never_deleted BEFORE DELETE OR TRUNCATE ON accounts
    FOR EACH STATEMENT EXECUTE FUNCTION accounts_permanent();
CREATE OR REPLACE TRIGGER accounts_ids_fixed BEFORE UPDATE OF id ON accounts
    FOR EACH STATEMENT EXECUTE FUNCTION accounts_permanent();

-- Every entry must name an existing transaction and account. Row-level foreign keys did this with one lookup and
-- one row lock per entry, which was the largest single cost of a 100,000-entry settlement; this trigger checks all
-- rows of an INSERT at once, against the same rows the foreign keys would, and fails the statement (SQLSTATE 23503,
-- as a foreign key would) if any reference is missing. With the triggers above, a reference that held at insert
-- holds forever. Databases created with the old foreign keys lose them here, once.
ALTER TABLE entries DROP CONSTRAINT IF EXISTS entries_tx_id_fkey;
ALTER TABLE entries DROP CONSTRAINT IF EXISTS entries_account_id_fkey;
-- The check probes the primary-key indexes once per entry (hash and merge joins are turned off for it): its cost
-- follows the size of the INSERT, never the size of the accounts table, whichever plan PL/pgSQL has cached.
CREATE OR REPLACE FUNCTION entries_references() RETURNS trigger LANGUAGE plpgsql
    SET enable_hashjoin = off SET enable_mergejoin = off AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM inserted e WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = e.account_id)) THEN
        RAISE EXCEPTION 'an entry names an account that does not exist' USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF EXISTS (SELECT 1 FROM (SELECT DISTINCT tx_id FROM inserted) e
               WHERE NOT EXISTS (SELECT 1 FROM transactions t WHERE t.id = e.tx_id)) THEN
        RAISE EXCEPTION 'an entry names a transaction that does not exist' USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER entries_references AFTER INSERT ON entries REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION entries_references();

CREATE TABLE IF NOT EXISTS unbonding_requests (
    id         bigserial PRIMARY KEY,
    owner      text NOT NULL,
    topic      text NOT NULL,
    target     text NOT NULL DEFAULT '',
    amount     bigint NOT NULL CHECK (amount > 0),
    remaining  bigint NOT NULL CHECK (remaining >= 0 AND remaining <= amount),
    matures_at timestamptz NOT NULL,
    tx_id      bigint NOT NULL REFERENCES transactions (id)
);
CREATE INDEX IF NOT EXISTS unbonding_owner ON unbonding_requests (owner, matures_at);

-- Admin-set economics (mapped by Hibernate Reactive entities as well).
CREATE TABLE IF NOT EXISTS emission_parameters (
    id                   integer PRIMARY KEY,
    per_epoch            bigint NOT NULL CHECK (per_epoch >= 0),
    halving_every_epochs bigint NOT NULL CHECK (halving_every_epochs >= 0),
    cap                  bigint NOT NULL CHECK (cap >= 0),
    validators_bps       integer NOT NULL CHECK (validators_bps BETWEEN 0 AND 10000),
    topic_owner_bps      integer NOT NULL CHECK (topic_owner_bps BETWEEN 0 AND 10000),
    version              bigint NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS topic_economics (
    topic           text PRIMARY KEY,
    min_stake       bigint NOT NULL DEFAULT 0 CHECK (min_stake >= 0),
    fee_revenue     bigint NOT NULL DEFAULT 0 CHECK (fee_revenue >= 0),
    split_mode      text NOT NULL DEFAULT 'ENTROPY',
    inferers_bps    integer NOT NULL DEFAULT 5000,
    forecasters_bps integer NOT NULL DEFAULT 2000,
    reputers_bps    integer NOT NULL DEFAULT 3000,
    weight          double precision,
    tau             double precision NOT NULL DEFAULT 0,
    version         bigint NOT NULL DEFAULT 0
);

-- An epoch's emission, split across topics once, when its first topic settles.
CREATE TABLE IF NOT EXISTS epoch_emissions (
    epoch            bigint PRIMARY KEY,
    scheduled        bigint NOT NULL,
    scheduled_before bigint NOT NULL,
    treasury_dust    bigint NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS topic_allotments (
    epoch  bigint NOT NULL,
    topic  text NOT NULL,
    weight double precision NOT NULL,
    amount bigint NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (epoch, topic)
);

-- The inbox of settled (topic, epoch): written in the same transaction as the ledger entries.
CREATE TABLE IF NOT EXISTS settlements (
    topic             text NOT NULL,
    epoch             bigint NOT NULL,
    pot               bigint NOT NULL,
    dust              bigint NOT NULL,
    validators_pot    bigint NOT NULL,
    topic_owner_pot   bigint NOT NULL,
    inferers_pot      bigint NOT NULL,
    forecasters_pot   bigint NOT NULL,
    reputers_pot      bigint NOT NULL,
    inference_entropy double precision NOT NULL,
    forecast_entropy  double precision NOT NULL,
    reputer_entropy   double precision NOT NULL,
    tau               double precision NOT NULL,
    chi               double precision NOT NULL,
    gamma             double precision NOT NULL,
    split_mode        text NOT NULL,
    tx_id             bigint REFERENCES transactions (id),
    settled_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, epoch)
);
CREATE TABLE IF NOT EXISTS settlement_lines (
    topic       text NOT NULL,
    epoch       bigint NOT NULL,
    seq         integer NOT NULL,
    participant text NOT NULL,
    role        text NOT NULL,
    score       double precision,
    fraction    double precision,
    amount      bigint NOT NULL,
    PRIMARY KEY (topic, epoch, seq)
);
-- Each role's task-reward EMA on a topic (ũ, TaskEntropy): participants sorted by id and their values, as two
-- parallel arrays in one row. Settlement reads the whole state and writes it back whole, so one row per (topic,
-- role) costs one write where a row per participant cost 100,000 index-probing upserts per large settlement.
CREATE TABLE IF NOT EXISTS task_ema_state (
    topic        text NOT NULL,
    role         text NOT NULL,
    participants text[] NOT NULL,
    ema          double precision[] NOT NULL,
    PRIMARY KEY (topic, role),
    CHECK (cardinality(participants) = cardinality(ema))
);
-- Databases from before kept a row per participant in task_ema: move it over once, then drop it.
DO $$
BEGIN
    IF to_regclass('task_ema') IS NOT NULL THEN
        INSERT INTO task_ema_state (topic, role, participants, ema)
        SELECT topic, role, array_agg(participant ORDER BY participant COLLATE "C"),
               array_agg(value ORDER BY participant COLLATE "C")
        FROM task_ema GROUP BY topic, role
        ON CONFLICT (topic, role) DO NOTHING;
        DROP TABLE task_ema;
    END IF;
END $$;

-- The inbox of processed fraud events.
CREATE TABLE IF NOT EXISTS slashes (
    event_id    text PRIMARY KEY,
    topic       text NOT NULL,
    offender    text NOT NULL,
    prover      text,
    reason      text,
    slashed     bigint NOT NULL,
    to_prover   bigint NOT NULL,
    burned      bigint NOT NULL,
    to_treasury bigint NOT NULL,
    tx_id       bigint REFERENCES transactions (id),
    created_at  timestamptz NOT NULL DEFAULT now()
);
