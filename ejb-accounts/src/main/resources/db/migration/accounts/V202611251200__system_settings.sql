-- Typed system settings that administrators may change at run time; the defaults are seeded here.
CREATE TABLE accounts.system_setting (
    key         text        PRIMARY KEY CHECK (key ~ '^[a-z]+(\.[a-z0-9-]+)+$'),
    value_type  text        NOT NULL CHECK (value_type IN ('INTEGER', 'BOOLEAN', 'TEXT')),
    value       text        NOT NULL,
    description text        NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

INSERT INTO accounts.system_setting (key, value_type, value, description) VALUES
    ('security.login-max-failures', 'INTEGER', '10', 'Failed logins before a staff account is locked'),
    ('security.lockout-minutes', 'INTEGER', '30', 'How long a locked staff account stays locked'),
    ('security.session-idle-minutes', 'INTEGER', '15', 'Idle time after which a console session ends'),
    ('checkout.session-minutes', 'INTEGER', '30', 'How long a hosted checkout page stays payable');
