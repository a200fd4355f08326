-- Staff roles as the consoles know them (a merchant user belongs to one merchant) and the optional
-- TOTP second factor, required for administrators: the secret is encrypted, confirmed by a first
-- valid code, and the last accepted time step is kept so that a code is never accepted twice.
ALTER TABLE accounts.staff_user DROP CONSTRAINT staff_user_role_check;
UPDATE accounts.staff_user SET role = 'MERCHANT_USER' WHERE role = 'MERCHANT';
ALTER TABLE accounts.staff_user
    ADD CONSTRAINT staff_user_role_check
        CHECK (role IN ('MERCHANT_USER', 'CLIENT_SERVICE_MANAGER', 'RISK_MANAGER', 'ADMINISTRATOR')),
    ADD COLUMN merchant_id    uuid    REFERENCES accounts.merchant (id),
    ADD COLUMN totp_secret    text    CHECK (totp_secret ~ '^v[0-9]+:'),
    ADD COLUMN totp_confirmed boolean NOT NULL DEFAULT false,
    ADD COLUMN totp_last_step bigint,
    ADD CHECK ((role = 'MERCHANT_USER') = (merchant_id IS NOT NULL)),
    ADD CHECK (totp_secret IS NOT NULL OR NOT totp_confirmed);
CREATE INDEX staff_user_merchant_idx ON accounts.staff_user (merchant_id) WHERE merchant_id IS NOT NULL;
