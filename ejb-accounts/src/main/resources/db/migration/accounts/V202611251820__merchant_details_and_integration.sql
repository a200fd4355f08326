-- Merchants' legal data and settlement bank account (IBAN encrypted, its last four digits kept for
-- display), and how they integrate: request-signing public keys, webhook URL with its signing secret
-- (and the previous one while a rotation is under way, both encrypted), allowed source networks.
ALTER TABLE accounts.merchant
    ADD COLUMN registration_number     text    CHECK (length(registration_number) BETWEEN 1 AND 100),
    ADD COLUMN legal_address           text    CHECK (length(legal_address) BETWEEN 1 AND 500),
    ADD COLUMN country                 char(2) CHECK (country ~ '^[A-Z]{2}$'),
    ADD COLUMN account_holder          text    CHECK (length(account_holder) BETWEEN 1 AND 200),
    ADD COLUMN iban                    text    CHECK (iban ~ '^v[0-9]+:'),
    ADD COLUMN iban_last4              text    CHECK (iban_last4 ~ '^[A-Z0-9]{4}$'),
    ADD COLUMN bic                     text    CHECK (bic ~ '^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$'),
    ADD COLUMN webhook_url             text    CHECK (length(webhook_url) <= 2000),
    ADD COLUMN webhook_secret          text    CHECK (webhook_secret ~ '^v[0-9]+:'),
    ADD COLUMN webhook_previous_secret text    CHECK (webhook_previous_secret ~ '^v[0-9]+:'),
    ADD COLUMN allowed_ips             cidr[]  NOT NULL DEFAULT '{}',
    ADD CHECK ((iban IS NULL) = (iban_last4 IS NULL)),
    ADD CHECK ((webhook_url IS NULL) = (webhook_secret IS NULL));

CREATE TABLE accounts.merchant_public_key (
    id          uuid        PRIMARY KEY,
    merchant_id uuid        NOT NULL REFERENCES accounts.merchant (id),
    fingerprint text        NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
    key_bits    integer     NOT NULL CHECK (key_bits >= 2048),
    pem         text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz,
    UNIQUE (merchant_id, fingerprint)
);
