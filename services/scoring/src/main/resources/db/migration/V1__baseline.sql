-- Scoring's schema as the service had it before it had migrations: exactly the DDL Hibernate generates for the
-- entities in network.synod.scoring.store (Hibernate validates it at start: quarkus.hibernate-orm.schema-management
-- .strategy=validate), so columns keep Hibernate's unquoted camelCase names (networkLoss is networkloss), its
-- float(53), varchar(255) and timestamp(6) with time zone, and its <table>_seq sequences that hand out 50 ids at a
-- time.
--
-- Databases from before migrations had these tables and sequences in public (Hibernate's schema update made them
-- there): they move into this schema with their rows, and whatever is missing is created. Flyway runs this with
-- search_path set to the service's schema, ${flyway:defaultSchema}.

ALTER TABLE IF EXISTS public.scoring_topic SET SCHEMA ${flyway:defaultSchema};
ALTER TABLE IF EXISTS public.scoring_inference_record SET SCHEMA ${flyway:defaultSchema};
ALTER TABLE IF EXISTS public.scoring_truth_report SET SCHEMA ${flyway:defaultSchema};
ALTER TABLE IF EXISTS public.scoring_epoch SET SCHEMA ${flyway:defaultSchema};
ALTER SEQUENCE IF EXISTS public.scoring_epoch_seq SET SCHEMA ${flyway:defaultSchema};
ALTER SEQUENCE IF EXISTS public.scoring_inference_record_seq SET SCHEMA ${flyway:defaultSchema};
ALTER SEQUENCE IF EXISTS public.scoring_truth_report_seq SET SCHEMA ${flyway:defaultSchema};

CREATE SEQUENCE IF NOT EXISTS scoring_epoch_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE IF NOT EXISTS scoring_inference_record_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE IF NOT EXISTS scoring_truth_report_seq START WITH 1 INCREMENT BY 50;

-- A registered topic: its normalised spec and learnt state as JSON, and the latest closed epoch.
CREATE TABLE IF NOT EXISTS scoring_topic (
    latestNetworkLoss float(53),
    latestEpoch       bigint,
    name              varchar(255) NOT NULL,
    spec              text NOT NULL,
    state             text NOT NULL,
    PRIMARY KEY (name)
);

-- The first inference record consumed for a (topic, epoch): the one that epoch is scored on.
CREATE TABLE IF NOT EXISTS scoring_inference_record (
    epoch      bigint NOT NULL,
    id         bigint NOT NULL,
    receivedAt timestamp(6) with time zone NOT NULL,
    record     text NOT NULL,
    topic      varchar(255) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT scoring_inference_record_epoch UNIQUE (topic, epoch)
);

-- One reputer's ground truth for one epoch of a topic.
CREATE TABLE IF NOT EXISTS scoring_truth_report (
    value      float(53) NOT NULL,
    weight     double precision DEFAULT 1 NOT NULL,
    epoch      bigint NOT NULL,
    id         bigint NOT NULL,
    reportedAt timestamp(6) with time zone NOT NULL,
    reputer    varchar(255) NOT NULL,
    topic      varchar(255) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT scoring_truth_report_reputer UNIQUE (topic, epoch, reputer)
);

-- A closed epoch: the consensus truth and everything scored against it. Never rewritten.
CREATE TABLE IF NOT EXISTS scoring_epoch (
    consensus   float(53) NOT NULL,
    networkLoss float(53) NOT NULL,
    closedAt    timestamp(6) with time zone NOT NULL,
    epoch       bigint NOT NULL,
    id          bigint NOT NULL,
    losses      text NOT NULL,
    reputers    text NOT NULL,
    scores      text NOT NULL,
    topic       varchar(255) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT scoring_epoch_epoch UNIQUE (topic, epoch)
);
