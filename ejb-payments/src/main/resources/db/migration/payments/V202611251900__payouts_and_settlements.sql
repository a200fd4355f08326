-- Payouts: money sent from a merchant's available balance to its bank account. The ledger entry that
-- debits available (into WORLD) is posted with the row; a failed payout is credited back by reversing it.
-- bank_stage follows the hand-off to the bank rail, which happens after the row is committed:
--   NEW      recorded, not yet handed to the bank
--   SENDING  the attempt is recorded and the call is under way (or the instance died during it)
--   SENT     the bank has it (pending until a statement books it)
--   UNKNOWN  the call's outcome is not known: resolved by asking the bank, never by sending again
--   DONE     the payout is PAID or FAILED
CREATE TABLE payments.payout (
    id                uuid        PRIMARY KEY,
    merchant_id       uuid        NOT NULL,
    amount_minor      bigint      NOT NULL CHECK (amount_minor > 0),
    currency          char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    status            text        NOT NULL CHECK (status IN ('PENDING', 'PAID', 'FAILED')),
    reference         text,
    settlement_id     uuid,
    end_to_end_id     text        NOT NULL UNIQUE,
    debit_entry_id    uuid        NOT NULL,
    credit_entry_id   uuid,
    bank_stage        text        NOT NULL CHECK (bank_stage IN ('NEW', 'SENDING', 'SENT', 'UNKNOWN', 'DONE')),
    bank_reference    text,
    attempts          int         NOT NULL DEFAULT 0,
    failure_reason    text,
    next_check_at     timestamptz NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    CHECK ((status = 'FAILED') = (credit_entry_id IS NOT NULL)),
    CHECK ((status = 'PENDING') = (bank_stage <> 'DONE'))
);
CREATE INDEX payout_merchant_created_idx ON payments.payout (merchant_id, created_at DESC);
CREATE INDEX payout_open_check_idx ON payments.payout (next_check_at) WHERE status = 'PENDING';

-- Every booked line of our bank statements, once: re-imported lines are ignored. payout_id is the
-- payout the line's end-to-end id names, if any.
CREATE TABLE payments.bank_statement_line (
    statement_id     text        NOT NULL,
    entry_reference  text        NOT NULL,
    amount_minor     bigint      NOT NULL,
    currency         char(3)     NOT NULL,
    booking_date     date        NOT NULL,
    end_to_end_id    text,
    payout_id        uuid        REFERENCES payments.payout (id),
    outcome          text        NOT NULL CHECK (outcome IN ('PAID', 'RETURNED', 'UNMATCHED', 'IGNORED')),
    imported_at      timestamptz NOT NULL,
    PRIMARY KEY (statement_id, entry_reference)
);

-- How far settlement has read each merchant pending account: postings up to last_posting_id are settled.
-- Locked (FOR UPDATE) by the settlement of that merchant and currency, so two instances never settle
-- the same postings.
CREATE TABLE payments.settlement_cursor (
    merchant_id      uuid    NOT NULL,
    currency         char(3) NOT NULL,
    last_posting_id  bigint  NOT NULL DEFAULT 0 CHECK (last_posting_id >= 0),
    PRIMARY KEY (merchant_id, currency)
);

-- One merchant's settlement of one day and currency: the postings on its pending account after the
-- previous settlement's last_posting_id up to last_posting_id, all made before window_end.
-- other_minor is what is neither a capture, a refund nor a chargeback (adjustments); net is the sum of all.
CREATE TABLE payments.settlement (
    id                 uuid        PRIMARY KEY,
    merchant_id        uuid        NOT NULL,
    currency           char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    day                date        NOT NULL,
    window_end         timestamptz NOT NULL,
    first_posting_id   bigint      NOT NULL,
    last_posting_id    bigint      NOT NULL CHECK (last_posting_id >= first_posting_id),
    gross_minor        bigint      NOT NULL,
    fees_minor         bigint      NOT NULL,
    refunds_minor      bigint      NOT NULL,
    chargebacks_minor  bigint      NOT NULL,
    other_minor        bigint      NOT NULL,
    net_minor          bigint      NOT NULL,
    payments           int         NOT NULL CHECK (payments >= 0),
    entry_id           uuid,
    payout_id          uuid        REFERENCES payments.payout (id),
    created_at         timestamptz NOT NULL,
    CONSTRAINT settlement_once_per_day UNIQUE (merchant_id, currency, day),
    CHECK (net_minor = gross_minor - fees_minor - refunds_minor - chargebacks_minor + other_minor),
    CHECK ((net_minor = 0) = (entry_id IS NULL))
);
CREATE INDEX settlement_merchant_day_idx ON payments.settlement (merchant_id, day DESC);

-- Leases of jobs that must run on one instance at a time around a third-party call (statement import).
CREATE TABLE payments.job_lease (
    name         text        PRIMARY KEY,
    holder       text        NOT NULL,
    leased_until timestamptz NOT NULL
);
