-- A gateway database as the service left it before it had migrations, at its oldest: the DDL TopicStore,
-- Quarantines and Activations ran at start, with gateway_worker created before public_key and model_digest were
-- added (they come with the ALTER the service ran on every start since), and a few rows.
create table if not exists gateway_topic (name text primary key, spec text not null);
create table if not exists gateway_worker (topic text not null references gateway_topic(name) on delete cascade, name text not null, url text not null, model text not null, role text not null, primary key (topic, name));
insert into gateway_topic (name, spec) values ('t', '{}');
insert into gateway_worker (topic, name, url, model, role) values ('t', 'w1', 'http://127.0.0.1:1', 'm', 'inferer');
alter table gateway_worker add column if not exists public_key text, add column if not exists model_digest text;
insert into gateway_worker (topic, name, url, model, role, public_key, model_digest) values ('t', 'w2', 'http://127.0.0.1:2', 'm', 'inferer', 'k', 'd');
create table if not exists gateway_quarantine (topic text not null, worker text not null, reason text not null, at timestamptz not null default now(), primary key (topic, worker));
insert into gateway_quarantine (topic, worker, reason) values ('t', 'w1', 'wrong output');
create table if not exists gateway_dormant (topic text not null, worker text not null, since timestamptz not null default now(), primary key (topic, worker), foreign key (topic, worker) references gateway_worker (topic, name) on delete cascade);
insert into gateway_dormant (topic, worker) values ('t', 'w2');
