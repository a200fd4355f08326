-- Customer profiles. Personal data is stored only encrypted (FieldCipher: 'v<key id>:<base64>', the
-- key id travels with the value); e-mail and phone also carry a keyed blind index (HMAC-SHA256 of the
-- normalised value) so that lookups are indexed equality without decrypting anything.
CREATE TABLE accounts.customer_profile (
    id                uuid        PRIMARY KEY,
    origin            text        NOT NULL CHECK (origin IN ('PAYMENT', 'WALLET')),
    email             text        CHECK (email ~ '^v[0-9]+:'),
    email_index       text        UNIQUE,
    phone             text        CHECK (phone ~ '^v[0-9]+:'),
    phone_index       text        UNIQUE,
    name              text        CHECK (name ~ '^v[0-9]+:'),
    birth_date        text        CHECK (birth_date ~ '^v[0-9]+:'),
    address           text        CHECK (address ~ '^v[0-9]+:'),
    country           char(2)     CHECK (country ~ '^[A-Z]{2}$'),
    email_verified_at timestamptz,
    phone_verified_at timestamptz,
    kyc_level         text        NOT NULL DEFAULT 'UNVERIFIED' CHECK (kyc_level IN ('UNVERIFIED', 'BASIC', 'FULL')),
    created_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (email_index IS NOT NULL OR phone_index IS NOT NULL),
    CHECK ((email IS NULL) = (email_index IS NULL) AND (phone IS NULL) = (phone_index IS NULL))
);

-- One pending code per profile and channel; only a keyed hash of the code is kept.
CREATE TABLE accounts.verification_code (
    profile_id  uuid        NOT NULL REFERENCES accounts.customer_profile (id),
    channel     text        NOT NULL CHECK (channel IN ('EMAIL', 'PHONE')),
    code_hash   text        NOT NULL,
    expires_at  timestamptz NOT NULL,
    attempts    integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    PRIMARY KEY (profile_id, channel)
);

INSERT INTO accounts.system_setting (key, value_type, value, description) VALUES
    ('verification.code-minutes', 'INTEGER', '10', 'How long a phone or e-mail verification code stays valid'),
    ('verification.max-attempts', 'INTEGER', '5', 'Wrong entries after which a verification code is void');
