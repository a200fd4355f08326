-- The journal. Balances live on the account row plus a tail of deltas (see the ledger's package-info):
--   posted balance = account.balance_minor + sum(balance_delta.amount_minor of the account)
-- Debits that must respect a floor lock the account row and change balance_minor directly; every other
-- posting (credits, debits of unbounded accounts) appends a delta without locking, which a background
-- roll-up folds into balance_minor. Hot accounts are therefore never locked by the postings they receive.

ALTER TABLE ledger.account
    ADD COLUMN floor_policy   text   NOT NULL DEFAULT 'NON_NEGATIVE'
        CHECK (floor_policy IN ('NON_NEGATIVE', 'OVERDRAFT', 'UNBOUNDED')),
    ADD COLUMN overdraft_minor bigint NOT NULL DEFAULT 0 CHECK (overdraft_minor >= 0),
    ADD COLUMN status          text   NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'FROZEN', 'CLOSED')),
    ADD COLUMN balance_minor   bigint NOT NULL DEFAULT 0,
    ADD COLUMN held_minor      bigint NOT NULL DEFAULT 0 CHECK (held_minor >= 0),
    ADD CONSTRAINT account_overdraft_only_with_policy CHECK (floor_policy = 'OVERDRAFT' OR overdraft_minor = 0);

UPDATE ledger.account SET floor_policy = 'UNBOUNDED' WHERE kind = 'SYSTEM';

CREATE TABLE ledger.entry (
    id          uuid        PRIMARY KEY,
    code        text        NOT NULL CHECK (code IN ('PAYMENT', 'CAPTURE', 'REFUND', 'FEE', 'TRANSFER', 'TOP_UP',
                                'PAYOUT', 'CHARGEBACK', 'REVERSAL', 'ADJUSTMENT')),
    metadata    jsonb       NOT NULL DEFAULT '{}',
    reverses    uuid        UNIQUE REFERENCES ledger.entry (id),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ledger.posting (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry_id     uuid        NOT NULL REFERENCES ledger.entry (id),
    account_id   uuid        NOT NULL REFERENCES ledger.account (id),
    amount_minor bigint      NOT NULL CHECK (amount_minor <> 0),
    currency     char(3)     NOT NULL,
    created_at   timestamptz NOT NULL,
    CONSTRAINT posting_account_once_per_entry UNIQUE (entry_id, account_id)
);
CREATE INDEX posting_account_time_idx ON ledger.posting (account_id, created_at, id);

CREATE TABLE ledger.balance_delta (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id   uuid   NOT NULL REFERENCES ledger.account (id),
    amount_minor bigint NOT NULL
);
CREATE INDEX balance_delta_account_idx ON ledger.balance_delta (account_id);

CREATE TABLE ledger.hold (
    id                uuid        PRIMARY KEY,
    debit_account_id  uuid        NOT NULL REFERENCES ledger.account (id),
    credit_account_id uuid        NOT NULL REFERENCES ledger.account (id),
    amount_minor      bigint      NOT NULL CHECK (amount_minor > 0),
    captured_minor    bigint      NOT NULL DEFAULT 0 CHECK (captured_minor >= 0 AND captured_minor <= amount_minor),
    currency          char(3)     NOT NULL,
    code              text        NOT NULL,
    metadata          jsonb       NOT NULL DEFAULT '{}',
    status            text        NOT NULL CHECK (status IN ('PENDING', 'CAPTURED', 'VOIDED', 'EXPIRED')),
    expires_at        timestamptz NOT NULL,
    capture_entry_id  uuid        REFERENCES ledger.entry (id),
    created_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (debit_account_id <> credit_account_id)
);
CREATE INDEX hold_pending_expiry_idx ON ledger.hold (expires_at) WHERE status = 'PENDING';

-- Every money-moving call's idempotency key, scoped per client: the first result is replayed, a
-- different request under the same key is refused. Kept at least seven days (purged after 30).
CREATE TABLE ledger.idempotency (
    client_id     text        NOT NULL,
    key           text        NOT NULL,
    operation     text        NOT NULL,
    request_hash  bytea       NOT NULL,
    result_id     uuid        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (client_id, key)
);
CREATE INDEX idempotency_created_idx ON ledger.idempotency (created_at);
