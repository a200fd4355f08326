-- The bounds an administrator's change of a setting must respect: for INTEGER the value, for MONEY
-- the amount in minor units (whose currency cannot change). Who changed what is in the audit log.
ALTER TABLE accounts.system_setting
    ADD COLUMN minimum bigint,
    ADD COLUMN maximum bigint,
    ADD CHECK (minimum IS NULL OR maximum IS NULL OR minimum <= maximum);

UPDATE accounts.system_setting SET minimum = 3, maximum = 100 WHERE key = 'security.login-max-failures';
UPDATE accounts.system_setting SET minimum = 1, maximum = 1440 WHERE key = 'security.lockout-minutes';
UPDATE accounts.system_setting SET minimum = 1, maximum = 120 WHERE key = 'security.session-idle-minutes';
UPDATE accounts.system_setting SET minimum = 5, maximum = 1440 WHERE key = 'checkout.session-minutes';
UPDATE accounts.system_setting SET minimum = 1, maximum = 60 WHERE key = 'verification.code-minutes';
UPDATE accounts.system_setting SET minimum = 1, maximum = 10 WHERE key = 'verification.max-attempts';
UPDATE accounts.system_setting SET minimum = 0 WHERE key LIKE 'kyc.%';
