-- A scoring database as the service left it before it had migrations: the tables and sequences Hibernate's schema
-- update made in public (its DDL for the entities, unchanged since), with a few rows.
create sequence scoring_epoch_SEQ start with 1 increment by 50;
create sequence scoring_inference_record_SEQ start with 1 increment by 50;
create sequence scoring_truth_report_SEQ start with 1 increment by 50;
create table scoring_epoch (consensus float(53) not null, networkLoss float(53) not null, closedAt timestamp(6) with time zone not null, epoch bigint not null, id bigint not null, losses text not null, reputers text not null, scores text not null, topic varchar(255) not null, primary key (id), constraint scoring_epoch_epoch unique (topic, epoch));
create table scoring_inference_record (epoch bigint not null, id bigint not null, receivedAt timestamp(6) with time zone not null, record text not null, topic varchar(255) not null, primary key (id), constraint scoring_inference_record_epoch unique (topic, epoch));
create table scoring_topic (latestNetworkLoss float(53), latestEpoch bigint, name varchar(255) not null, spec text not null, state text not null, primary key (name));
create table scoring_truth_report (value float(53) not null, weight double precision default 1 not null, epoch bigint not null, id bigint not null, reportedAt timestamp(6) with time zone not null, reputer varchar(255) not null, topic varchar(255) not null, primary key (id), constraint scoring_truth_report_reputer unique (topic, epoch, reputer));

insert into scoring_topic (name, spec, state, latestEpoch, latestNetworkLoss) values ('t', '{}', '{}', 1, 0.5);
insert into scoring_inference_record (id, topic, epoch, record, receivedAt) values (nextval('scoring_inference_record_seq'), 't', 1, '{}', now());
insert into scoring_truth_report (id, topic, epoch, reputer, value, reportedAt) values (nextval('scoring_truth_report_seq'), 't', 1, 'alice', 1.5, now());
insert into scoring_epoch (id, topic, epoch, consensus, networkLoss, losses, scores, reputers, closedAt) values (nextval('scoring_epoch_seq'), 't', 1, 1.5, 0.5, '{}', '{}', '[]', now());
