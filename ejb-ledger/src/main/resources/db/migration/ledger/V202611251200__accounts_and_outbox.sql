-- Ledger accounts: one per owner, kind and currency. Balances and postings arrive with the journal.
CREATE TABLE ledger.account (
    id          uuid        PRIMARY KEY,
    owner_ref   text        NOT NULL CHECK (length(owner_ref) BETWEEN 1 AND 200),
    currency    char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    kind        text        NOT NULL CHECK (kind IN ('CUSTOMER_WALLET', 'MERCHANT', 'SYSTEM')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT account_owner_kind_currency_uq UNIQUE (owner_ref, kind, currency)
);

-- The transactional outbox: rows are written in the business transaction and deleted once Kafka
-- has acknowledged them. The identity id gives the publication order.
CREATE TABLE ledger.outbox (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    uuid        NOT NULL UNIQUE,
    topic       text        NOT NULL,
    event_key   text        NOT NULL,
    event_type  text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    payload     text        NOT NULL
);
