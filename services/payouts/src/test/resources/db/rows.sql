-- Representative rows in every payouts table, for MigrationTest's upgrades (before migrations, and at the
-- version before the latest): a mint, a stake, an unbonding, an emission with its allotment, a settlement with its
-- lines and task EMA, a slash.
INSERT INTO emission_parameters (id, per_epoch, halving_every_epochs, cap, validators_bps, topic_owner_bps)
VALUES (1, 1000000, 0, 0, 1000, 500);
INSERT INTO topic_economics (topic, split_mode, inferers_bps, forecasters_bps, reputers_bps)
VALUES ('t', 'FIXED', 6000, 0, 4000);
INSERT INTO accounts (id, owner, kind, topic, balance) VALUES
    ('system/issuance', 'system', 'issuance', '', -1100),
    ('alice/liquid', 'alice', 'liquid', '', 890),
    ('alice/stake/t', 'alice', 'stake', 't', 100),
    ('alice/unbonding', 'alice', 'unbonding', '', 10),
    ('system/burn', 'system', 'burn', '', 100);
INSERT INTO transactions (kind, idempotency_key, memo) VALUES
    ('mint', 'mint-1', NULL), ('stake', 'stake-1', NULL), ('unbond', 'unbond-1', NULL), ('slash', 'fraud-1', 'x');
INSERT INTO entries (tx_id, account_id, amount) VALUES
    (1, 'system/issuance', -1100), (1, 'alice/liquid', 1100),
    (2, 'alice/liquid', -110), (2, 'alice/stake/t', 110),
    (3, 'alice/stake/t', -10), (3, 'alice/unbonding', 10),
    (4, 'alice/liquid', -100), (4, 'system/burn', 100);
INSERT INTO unbonding_requests (owner, topic, amount, remaining, matures_at, tx_id)
VALUES ('alice', 't', 10, 10, now() + interval '1 day', 3);
INSERT INTO epoch_emissions (epoch, scheduled, scheduled_before, treasury_dust) VALUES (1, 1000000, 0, 0);
INSERT INTO topic_allotments (epoch, topic, weight, amount) VALUES (1, 't', 1.0, 1000000);
INSERT INTO settlements (topic, epoch, pot, dust, validators_pot, topic_owner_pot, inferers_pot, forecasters_pot,
                         reputers_pot, inference_entropy, forecast_entropy, reputer_entropy, tau, chi, gamma,
                         split_mode, tx_id)
VALUES ('t', 1, 1000000, 0, 100000, 50000, 510000, 0, 340000, 1, 0, 1, 0, 0.5, 1, 'FIXED', 1);
INSERT INTO settlement_lines (topic, epoch, seq, participant, role, score, fraction, amount)
VALUES ('t', 1, 0, 'alice', 'inferer', 1.0, 1.0, 510000);
INSERT INTO task_ema_state (topic, role, participants, ema) VALUES ('t', 'inferer', ARRAY['alice'], ARRAY[0.5]);
INSERT INTO slashes (event_id, topic, offender, prover, reason, slashed, to_prover, burned, to_treasury, tx_id)
VALUES ('fraud-1', 't', 'alice', 'bob', 'mismatch', 100, 0, 100, 0, 4);
