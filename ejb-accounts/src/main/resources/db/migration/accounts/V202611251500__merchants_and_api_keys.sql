-- Merchants (business accounts) and their API keys. A key is shown once when created; only its
-- SHA-256 is kept, found through its non-secret prefix.
CREATE TABLE accounts.merchant (
    id                  uuid        PRIMARY KEY,
    legal_name          text        NOT NULL CHECK (length(legal_name) BETWEEN 1 AND 200),
    status              text        NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'SUSPENDED')),
    settlement_currency char(3)     NOT NULL CHECK (settlement_currency ~ '^[A-Z]{3}$'),
    require_signature   boolean     NOT NULL DEFAULT false,
    created_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE accounts.api_key (
    id           uuid        PRIMARY KEY,
    merchant_id  uuid        NOT NULL REFERENCES accounts.merchant (id),
    prefix       text        NOT NULL UNIQUE,
    key_hash     bytea       NOT NULL,
    label        text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    revoked_at   timestamptz
);
CREATE INDEX api_key_merchant_idx ON accounts.api_key (merchant_id);
