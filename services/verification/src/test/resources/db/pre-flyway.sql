-- A verification database as the service left it before it had migrations: the DDL VerificationStore ran at
-- start, in public, with a few rows.
create table if not exists verification_secret (id int primary key, secret text not null);
create table if not exists verification_topic (topic text primary key, rate double precision not null);
create table if not exists verification_verifier (digest text primary key, url text not null, model text not null, mode text not null, abs_tol double precision, rel_tol double precision);
create table if not exists verification_seed (topic text not null, epoch bigint not null, commitment text not null, seed text not null, revealed_at timestamptz not null default now(), primary key (topic, epoch));
create table if not exists verification_verdict (id bigserial primary key, topic text not null, epoch bigint not null, request_id text not null, worker text not null, model_digest text, outcome text not null, reason text not null, evidence text not null, created_at timestamptz not null default now(), unique (request_id, worker));
create table if not exists verification_history (seq bigserial primary key, topic text not null, worker text not null, request_id text not null, context text not null, unique (topic, worker, request_id));
create index if not exists verification_verdict_worker on verification_verdict (worker, id);

insert into verification_secret (id, secret) values (1, '00ff');
insert into verification_topic (topic, rate) values ('t', 0.1);
insert into verification_verifier (digest, url, model, mode, abs_tol, rel_tol) values ('sha256:ab', 'http://127.0.0.1:1', 'm', 'TOLERANCE', 0.001, null);
insert into verification_seed (topic, epoch, commitment, seed) values ('t', 1, 'c', 's');
insert into verification_verdict (topic, epoch, request_id, worker, model_digest, outcome, reason, evidence) values ('t', 1, 'r1', 'w1', 'sha256:ab', 'FRAUD', 'mismatch', '{}');
insert into verification_history (topic, worker, request_id, context) values ('t', 'w1', 'r1', '{}');
