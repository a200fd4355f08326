-- A customer's wallet in one currency; its money lives in the ledger account it points to.
CREATE TABLE wallet.wallet (
    id                uuid        PRIMARY KEY,
    customer_ref      text        NOT NULL CHECK (length(customer_ref) BETWEEN 1 AND 200),
    currency          char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    ledger_account_id uuid        NOT NULL UNIQUE,
    opened_at         timestamptz NOT NULL,
    CONSTRAINT wallet_customer_currency_uq UNIQUE (customer_ref, currency)
);

-- One-time codes sent by text message. Only a hash of the code is kept.
CREATE TABLE wallet.code_challenge (
    id          uuid        PRIMARY KEY,
    phone       text        NOT NULL,
    code_hash   bytea       NOT NULL,
    attempts    integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX code_challenge_expires_idx ON wallet.code_challenge (expires_at);
