-- The outbox and the balance changes are queues: every row is inserted, read once and deleted within
-- seconds (by the relay, by the roll-up). Left to the default autovacuum (when a fifth of the table is
-- dead), they bloated to a hundred megabytes of dead rows that every read walked again, and each
-- vacuum ended by truncating the emptied tail of the table, which takes an exclusive lock: writers
-- then waited for it (the benchmark's PostgreSQL log: "canceling autovacuum task ... while truncating
-- relation ledger.outbox", an insert waiting 26 ms for its lock). Vacuum them after a fixed number of
-- dead rows, whatever their size, and never truncate them: their free pages are reused by the next
-- rows anyway.
ALTER TABLE ledger.outbox SET (vacuum_truncate = false, autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 10000, autovacuum_vacuum_insert_scale_factor = 0,
    autovacuum_vacuum_insert_threshold = 10000);
ALTER TABLE ledger.balance_delta SET (vacuum_truncate = false, autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 10000, autovacuum_vacuum_insert_scale_factor = 0,
    autovacuum_vacuum_insert_threshold = 10000);
