-- The default rule set every installation (and the embedded demo) starts with. Risk managers change it
-- through the Rules api, which keeps these rows as version 1. Limits are the most allowed: a rule fires
-- above them. Scores add up against the global thresholds (REVIEW from 50, DECLINE from 100).
INSERT INTO fraud.rule (rule_key, scope, version, current, enabled, kind, action, score, currency, threshold,
                        velocity_key, time_window, countries, created_by) VALUES
    ('amount-max-eur',         '*', 1, true, true, 'AMOUNT_MAX',       'REVIEW', 0, 'EUR', 1000000, NULL, NULL, '{}', 'system'),
    ('amount-max-usd',         '*', 1, true, true, 'AMOUNT_MAX',       'REVIEW', 0, 'USD', 1000000, NULL, NULL, '{}', 'system'),
    ('amount-max-gbp',         '*', 1, true, true, 'AMOUNT_MAX',       'REVIEW', 0, 'GBP', 1000000, NULL, NULL, '{}', 'system'),
    ('velocity-card-hour',     '*', 1, true, true, 'VELOCITY_COUNT',   'SCORE', 40, NULL, 5,   'CARD',   'HOUR',  '{}', 'system'),
    ('velocity-card-day',      '*', 1, true, true, 'VELOCITY_COUNT',   'SCORE', 30, NULL, 20,  'CARD',   'DAY',   '{}', 'system'),
    ('velocity-card-sum-week', '*', 1, true, true, 'VELOCITY_SUM',     'SCORE', 30, 'EUR', 2000000, 'CARD', 'WEEK', '{}', 'system'),
    ('velocity-email-day',     '*', 1, true, true, 'VELOCITY_COUNT',   'SCORE', 30, NULL, 20,  'EMAIL',  'DAY',   '{}', 'system'),
    ('velocity-ip-hour',       '*', 1, true, true, 'VELOCITY_COUNT',   'SCORE', 30, NULL, 30,  'IP',     'HOUR',  '{}', 'system'),
    ('velocity-device-day',    '*', 1, true, true, 'VELOCITY_COUNT',   'SCORE', 30, NULL, 30,  'DEVICE', 'DAY',   '{}', 'system'),
    ('velocity-wallet-month',  '*', 1, true, true, 'VELOCITY_SUM',     'REVIEW', 0, 'EUR', 10000000, 'WALLET', 'MONTH', '{}', 'system'),
    ('declines-card-day',      '*', 1, true, true, 'DECLINE_COUNT',    'DECLINE', 0, NULL, 3,  'CARD',   'DAY',   '{}', 'system'),
    ('declines-ip-hour',       '*', 1, true, true, 'DECLINE_COUNT',    'SCORE', 50, NULL, 10,  'IP',     'HOUR',  '{}', 'system'),
    ('country-mismatch',       '*', 1, true, true, 'COUNTRY_MISMATCH', 'SCORE', 20, NULL, NULL, NULL,    NULL,    '{}', 'system'),
    ('new-card',               '*', 1, true, true, 'NEW_CARD',         'SCORE', 10, NULL, NULL, NULL,    NULL,    '{}', 'system'),
    ('new-customer',           '*', 1, true, true, 'NEW_CUSTOMER',     'SCORE', 10, NULL, NULL, NULL,    NULL,    '{}', 'system');
