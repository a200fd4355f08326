-- Black and white lists of parties. A value is normalised before it is stored (lower-case e-mail,
-- E.164 phone, card fingerprint), so lookups are exact and indexed.
CREATE TABLE fraud.list_entry (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    list_type   text        NOT NULL CHECK (list_type IN ('BLACK', 'WHITE')),
    kind        text        NOT NULL CHECK (kind IN ('CARD', 'EMAIL', 'PHONE', 'IP', 'BIN', 'COUNTRY', 'WALLET')),
    value       text        NOT NULL,
    reason      text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT list_entry_kind_value_uq UNIQUE (kind, value)
);
