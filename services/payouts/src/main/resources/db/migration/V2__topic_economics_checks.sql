-- What the admin API refuses, the database now refuses too, as it already does for emission_parameters: a split
-- mode other than ENTROPY or FIXED, and role shares that are negative or add up to more than 10,000 basis points
-- (AdminResource checks both before it writes). Settlement trusts the stored row (SplitMode.valueOf, and 10,000
-- minus the shares as a weight), so a row written past the API (by hand, by a later bug) would fail or mis-pay every
-- settlement of its topic; with these constraints it cannot be written. Existing rows came through the API and pass.
ALTER TABLE topic_economics
    ADD CONSTRAINT topic_economics_split_mode CHECK (split_mode IN ('ENTROPY', 'FIXED')),
    ADD CONSTRAINT topic_economics_shares CHECK (inferers_bps >= 0 AND forecasters_bps >= 0 AND reputers_bps >= 0
        AND inferers_bps + forecasters_bps + reputers_bps <= 10000);

-- The entries' reference check reads accounts and transactions by unqualified name, so it ran only in sessions whose
-- search_path reached this schema; an INSERT into entries from any other session (psql, a repair script) failed with
-- "relation accounts does not exist". It now finds them wherever it is called from.
ALTER FUNCTION entries_references() SET search_path = ${flyway:defaultSchema};
