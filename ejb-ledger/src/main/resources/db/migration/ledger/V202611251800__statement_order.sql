-- Statements page through an account's postings in the order of the transactions that wrote them.
-- Posting ids come from a sequence when a transaction writes, not when it commits, so a posting with
-- a lower id can become visible after one with a higher id; a statement paged by id alone could step
-- over it for good. A statement shows only postings of transactions older than every transaction
-- still running (pg_snapshot_xmin), and orders them by (tx, id): anything that commits later has a
-- larger tx and lands after every line already shown.
ALTER TABLE ledger.posting ADD COLUMN tx xid8;
UPDATE ledger.posting SET tx = '0';
ALTER TABLE ledger.posting ALTER COLUMN tx SET DEFAULT pg_current_xact_id();
ALTER TABLE ledger.posting ALTER COLUMN tx SET NOT NULL;
-- INCLUDE lets the running balance before a page be summed from the index alone.
CREATE INDEX posting_account_tx_idx ON ledger.posting (account_id, tx, id) INCLUDE (amount_minor);
