-- Merchants' request signatures already accepted, kept for the freshness window so that a replay is
-- refused by every server; purged every minute once expired.
CREATE TABLE accounts.seen_signature (
    merchant_id      uuid        NOT NULL,
    signature_sha256 char(64)    NOT NULL CHECK (signature_sha256 ~ '^[0-9a-f]{64}$'),
    keep_until       timestamptz NOT NULL,
    PRIMARY KEY (merchant_id, signature_sha256)
);
CREATE INDEX seen_signature_expiry_ix ON accounts.seen_signature (keep_until);
