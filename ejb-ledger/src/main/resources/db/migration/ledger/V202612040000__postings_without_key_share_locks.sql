-- A foreign key on a posting makes PostgreSQL look its account and its entry up again and lock both
-- rows FOR KEY SHARE, for every posting written: a merchant's or the fee account's row is then locked
-- by every transaction that credits it (multixacts on the hottest rows of the system), and each lookup
-- is a query of its own. The journal needs neither: the ledger reads and checks every account of an
-- entry before it writes (Journal), entries and their postings are written by one statement, and
-- nothing deletes accounts, entries or postings; the trigger below refuses it, and the invariant check
-- reports any posting or delta whose account or entry is missing.
ALTER TABLE ledger.posting DROP CONSTRAINT posting_entry_id_fkey;
ALTER TABLE ledger.posting DROP CONSTRAINT posting_account_id_fkey;
ALTER TABLE ledger.balance_delta DROP CONSTRAINT balance_delta_account_id_fkey;

CREATE FUNCTION ledger.refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'The journal is append-only: % rows are never deleted (close an account, reverse an entry)',
        TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END $$;

CREATE TRIGGER account_append_only BEFORE DELETE ON ledger.account FOR EACH STATEMENT EXECUTE FUNCTION ledger.refuse_delete();
CREATE TRIGGER entry_append_only BEFORE DELETE ON ledger.entry FOR EACH STATEMENT EXECUTE FUNCTION ledger.refuse_delete();
CREATE TRIGGER posting_append_only BEFORE DELETE ON ledger.posting FOR EACH STATEMENT EXECUTE FUNCTION ledger.refuse_delete();
