-- Tokenised cards. The number is stored only encrypted (AES-GCM, "v<key>:<base64>", bound to the token);
-- BIN and last four stay readable for display, routing and fraud rules. No security code, ever.
CREATE TABLE vault.card (
    token            uuid        PRIMARY KEY,
    number_encrypted text        NOT NULL CHECK (number_encrypted ~ '^v[0-9]+:'),
    bin              char(6)     NOT NULL CHECK (bin ~ '^[0-9]{6}$'),
    last_four        char(4)     NOT NULL CHECK (last_four ~ '^[0-9]{4}$'),
    expiry_month     smallint    NOT NULL CHECK (expiry_month BETWEEN 1 AND 12),
    expiry_year      smallint    NOT NULL CHECK (expiry_year BETWEEN 2000 AND 2999),
    created_at       timestamptz NOT NULL DEFAULT now()
);
