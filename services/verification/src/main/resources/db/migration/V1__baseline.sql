-- The verification service's schema as it made it at start before it had migrations (VerificationStore ran
-- CREATE TABLE IF NOT EXISTS): the seed secret, audit rates per topic, verifiers, revealed seeds, verdicts with
-- their evidence, and each worker's answer history.
--
-- Databases from before migrations had these tables in public: they move into this schema with their rows,
-- indexes, constraints and the sequences of their bigserial columns, and whatever is missing is created. Flyway
-- runs this with search_path set to the service's schema, ${flyway:defaultSchema}.

ALTER TABLE IF EXISTS public.verification_secret SET SCHEMA ${flyway:defaultSchema};
ALTER TABLE IF EXISTS public.verification_topic SET SCHEMA ${flyway:defaultSchema};
ALTER TABLE IF EXISTS public.verification_verifier SET SCHEMA ${flyway:defaultSchema};
ALTER TABLE IF EXISTS public.verification_seed SET SCHEMA ${flyway:defaultSchema};
ALTER TABLE IF EXISTS public.verification_verdict SET SCHEMA ${flyway:defaultSchema};
ALTER TABLE IF EXISTS public.verification_history SET SCHEMA ${flyway:defaultSchema};

CREATE TABLE IF NOT EXISTS verification_secret (
    id     int PRIMARY KEY,
    secret text NOT NULL
);

CREATE TABLE IF NOT EXISTS verification_topic (
    topic text PRIMARY KEY,
    rate  double precision NOT NULL
);

CREATE TABLE IF NOT EXISTS verification_verifier (
    digest  text PRIMARY KEY,
    url     text NOT NULL,
    model   text NOT NULL,
    mode    text NOT NULL,
    abs_tol double precision,
    rel_tol double precision
);

CREATE TABLE IF NOT EXISTS verification_seed (
    topic       text NOT NULL,
    epoch       bigint NOT NULL,
    commitment  text NOT NULL,
    seed        text NOT NULL,
    revealed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, epoch)
);

CREATE TABLE IF NOT EXISTS verification_verdict (
    id           bigserial PRIMARY KEY,
    topic        text NOT NULL,
    epoch        bigint NOT NULL,
    request_id   text NOT NULL,
    worker       text NOT NULL,
    model_digest text,
    outcome      text NOT NULL,
    reason       text NOT NULL,
    evidence     text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (request_id, worker)
);

CREATE TABLE IF NOT EXISTS verification_history (
    seq        bigserial PRIMARY KEY,
    topic      text NOT NULL,
    worker     text NOT NULL,
    request_id text NOT NULL,
    context    text NOT NULL,
    UNIQUE (topic, worker, request_id)
);

CREATE INDEX IF NOT EXISTS verification_verdict_worker ON verification_verdict (worker, id);
