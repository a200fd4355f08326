-- The reports staff and merchants can run, and who may run them.
CREATE TABLE reporting.report_definition (
    code        text    PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]+$'),
    title       text    NOT NULL,
    audience    text    NOT NULL CHECK (audience IN ('MERCHANT', 'STAFF')),
    sort_order  integer NOT NULL
);

INSERT INTO reporting.report_definition (code, title, audience, sort_order) VALUES
    ('payments-by-day', 'Payments by day', 'MERCHANT', 10),
    ('settlements', 'Settlements', 'MERCHANT', 20),
    ('turnover-by-merchant', 'Turnover by merchant', 'STAFF', 30),
    ('fraud-decisions', 'Fraud decisions', 'STAFF', 40);
