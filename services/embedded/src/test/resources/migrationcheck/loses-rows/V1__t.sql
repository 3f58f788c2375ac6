ALTER TABLE IF EXISTS public.t SET SCHEMA ${flyway:defaultSchema};
CREATE TABLE IF NOT EXISTS t (id int PRIMARY KEY, name text NOT NULL);
