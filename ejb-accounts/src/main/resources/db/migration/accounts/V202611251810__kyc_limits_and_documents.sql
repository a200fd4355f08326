-- Due diligence: limits per level as MONEY settings ('<amount> <currency>'), the turnover each
-- customer has made per day (the month is a range of the same index), and the documents customers
-- upload (content encrypted) with the review decision.
ALTER TABLE accounts.system_setting DROP CONSTRAINT system_setting_value_type_check;
ALTER TABLE accounts.system_setting ADD CONSTRAINT system_setting_value_type_check
    CHECK (value_type IN ('INTEGER', 'BOOLEAN', 'TEXT', 'MONEY'));

INSERT INTO accounts.system_setting (key, value_type, value, description) VALUES
    ('kyc.unverified.single-payment', 'MONEY', '150.00 EUR', 'Largest single operation of an unverified customer'),
    ('kyc.unverified.daily-turnover', 'MONEY', '250.00 EUR', 'Turnover per UTC day of an unverified customer'),
    ('kyc.unverified.monthly-turnover', 'MONEY', '500.00 EUR', 'Turnover per calendar month of an unverified customer'),
    ('kyc.unverified.balance-cap', 'MONEY', '150.00 EUR', 'Largest wallet balance of an unverified customer'),
    ('kyc.basic.single-payment', 'MONEY', '1000.00 EUR', 'Largest single operation at level BASIC'),
    ('kyc.basic.daily-turnover', 'MONEY', '2500.00 EUR', 'Turnover per UTC day at level BASIC'),
    ('kyc.basic.monthly-turnover', 'MONEY', '5000.00 EUR', 'Turnover per calendar month at level BASIC'),
    ('kyc.basic.balance-cap', 'MONEY', '5000.00 EUR', 'Largest wallet balance at level BASIC'),
    ('kyc.full.single-payment', 'MONEY', '15000.00 EUR', 'Largest single operation at level FULL'),
    ('kyc.full.daily-turnover', 'MONEY', '50000.00 EUR', 'Turnover per UTC day at level FULL'),
    ('kyc.full.monthly-turnover', 'MONEY', '150000.00 EUR', 'Turnover per calendar month at level FULL'),
    ('kyc.full.balance-cap', 'MONEY', '100000.00 EUR', 'Largest wallet balance at level FULL');

CREATE TABLE accounts.customer_turnover (
    profile_id   uuid    NOT NULL REFERENCES accounts.customer_profile (id),
    currency     char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    day          date    NOT NULL,
    kind         text    NOT NULL,
    amount_minor bigint  NOT NULL CHECK (amount_minor >= 0),
    operations   integer NOT NULL CHECK (operations > 0),
    PRIMARY KEY (profile_id, currency, day, kind)
);

CREATE TABLE accounts.kyc_document (
    id          uuid        PRIMARY KEY,
    profile_id  uuid        NOT NULL REFERENCES accounts.customer_profile (id),
    kind        text        NOT NULL CHECK (kind IN ('IDENTITY', 'PROOF_OF_ADDRESS')),
    file_name   text        NOT NULL CHECK (file_name ~ '^v[0-9]+:'),
    media_type  text        NOT NULL,
    size_bytes  integer     NOT NULL CHECK (size_bytes > 0),
    content     text        NOT NULL CHECK (content ~ '^v[0-9]+:'),
    status      text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    reason      text,
    reviewed_by uuid        REFERENCES accounts.staff_user (id),
    reviewed_at timestamptz,
    uploaded_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'PENDING') = (reviewed_at IS NULL)),
    CHECK (status <> 'REJECTED' OR reason IS NOT NULL)
);
CREATE INDEX kyc_document_profile_idx ON accounts.kyc_document (profile_id, kind, status);
CREATE INDEX kyc_document_pending_idx ON accounts.kyc_document (uploaded_at, id) WHERE status = 'PENDING';
