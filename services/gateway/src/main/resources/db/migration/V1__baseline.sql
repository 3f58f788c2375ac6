-- The gateway's schema as the service made it at start before it had migrations (TopicStore, Quarantines and
-- Activations ran CREATE TABLE IF NOT EXISTS): topics and workers as registered through the admin API, the
-- verification service's quarantine orders, and the workers marked dormant (scaled to zero).
--
-- Databases from before migrations had these tables in public: they move into this schema with their rows,
-- indexes and constraints, and whatever is missing is created, including the two columns added to gateway_worker
-- after it first shipped. Flyway runs this with search_path set to the service's schema, ${flyway:defaultSchema}.

ALTER TABLE IF EXISTS public.gateway_topic SET SCHEMA ${flyway:defaultSchema};
ALTER TABLE IF EXISTS public.gateway_worker SET SCHEMA ${flyway:defaultSchema};
ALTER TABLE IF EXISTS public.gateway_quarantine SET SCHEMA ${flyway:defaultSchema};
ALTER TABLE IF EXISTS public.gateway_dormant SET SCHEMA ${flyway:defaultSchema};

CREATE TABLE IF NOT EXISTS gateway_topic (
    name text PRIMARY KEY,
    spec text NOT NULL
);

CREATE TABLE IF NOT EXISTS gateway_worker (
    topic        text NOT NULL REFERENCES gateway_topic (name) ON DELETE CASCADE,
    name         text NOT NULL,
    url          text NOT NULL,
    model        text NOT NULL,
    role         text NOT NULL,
    public_key   text,
    model_digest text,
    PRIMARY KEY (topic, name)
);
ALTER TABLE gateway_worker ADD COLUMN IF NOT EXISTS public_key text, ADD COLUMN IF NOT EXISTS model_digest text;

CREATE TABLE IF NOT EXISTS gateway_quarantine (
    topic  text NOT NULL,
    worker text NOT NULL,
    reason text NOT NULL,
    at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, worker)
);

CREATE TABLE IF NOT EXISTS gateway_dormant (
    topic  text NOT NULL,
    worker text NOT NULL,
    since  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, worker),
    FOREIGN KEY (topic, worker) REFERENCES gateway_worker (topic, name) ON DELETE CASCADE
);
