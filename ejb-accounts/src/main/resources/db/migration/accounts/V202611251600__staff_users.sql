-- Staff and merchant users of the consoles. Passwords are PBKDF2-SHA256 hashes; repeated failures
-- lock the user for a while (limits in accounts.system_setting).
CREATE TABLE accounts.staff_user (
    id               uuid        PRIMARY KEY,
    username         text        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._@-]{3,100}$'),
    role             text        NOT NULL CHECK (role IN ('MERCHANT', 'CLIENT_SERVICE_MANAGER', 'RISK_MANAGER', 'ADMINISTRATOR')),
    password_hash    text        NOT NULL,
    failed_attempts  integer     NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until     timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now()
);
