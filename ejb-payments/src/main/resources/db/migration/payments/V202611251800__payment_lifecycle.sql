-- The placeholder payment table of V202611251200 is kept, renamed, for whatever a deployed database
-- holds in it; the lifecycle below replaces it.
ALTER TABLE payments.payment RENAME TO placeholder_payment;
ALTER INDEX payments.payment_merchant_created_idx RENAME TO placeholder_payment_merchant_created_idx;
ALTER TABLE payments.placeholder_payment RENAME CONSTRAINT payment_pkey TO placeholder_payment_pkey;

-- A merchant's payment: where it is in its lifecycle and what it moved. The money itself is in the
-- ledger (hold_id for an authorisation, entries carrying the payment id in their metadata).
CREATE TABLE payments.payment (
    id                       uuid        PRIMARY KEY,
    merchant_id              uuid        NOT NULL,
    reference                text        NOT NULL CHECK (length(reference) BETWEEN 1 AND 100),
    description              text,
    status                   text        NOT NULL CHECK (status IN ('CREATED', 'HELD', 'AUTHORISING', 'ACTION_REQUIRED',
                                 'AUTHORISED', 'CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'DECLINED', 'FAILED',
                                 'VOIDED', 'EXPIRED', 'CHARGEBACK', 'CHARGED_BACK')),
    method                   text        NOT NULL CHECK (method IN ('CARD', 'WALLET')),
    capture_mode             text        NOT NULL CHECK (capture_mode IN ('AUTOMATIC', 'MANUAL')),
    amount_minor             bigint      NOT NULL CHECK (amount_minor > 0),
    currency                 char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    captured_minor           bigint      NOT NULL DEFAULT 0 CHECK (captured_minor BETWEEN 0 AND amount_minor),
    -- refunded: confirmed refunds; refunding: card refunds sent to the acquirer and not yet confirmed
    refunded_minor           bigint      NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0),
    refunding_minor          bigint      NOT NULL DEFAULT 0 CHECK (refunding_minor >= 0),
    fee_minor                bigint      CHECK (fee_minor >= 0),
    fee_percent              numeric(7, 4),
    fee_fixed_minor          bigint,
    fee_minimum_minor        bigint,
    fee_maximum_minor        bigint,
    risk                     jsonb,
    card_token               uuid,
    card_masked              text,
    wallet_id                uuid,
    customer_profile_id      uuid,
    client_token             text        UNIQUE,
    return_url               text,
    challenge_url            text,
    acquirer_request_id      text        UNIQUE,
    acquirer_reference       text,
    hold_id                  uuid,
    decline_reason           text,
    authorisation_expires_at timestamptz,
    -- the status a chargeback interrupted, to go back to when it is won
    status_before_chargeback text,
    -- when the resolver may next ask the acquirer about an unknown outcome (a lease across instances)
    next_check_at            timestamptz,
    customer                 jsonb       NOT NULL DEFAULT '{}',
    metadata                 jsonb       NOT NULL DEFAULT '{}',
    created_at               timestamptz NOT NULL,
    updated_at               timestamptz NOT NULL,
    CHECK (refunded_minor + refunding_minor <= captured_minor)
);
CREATE INDEX payment_merchant_created_idx ON payments.payment (merchant_id, created_at DESC, id DESC);
CREATE INDEX payment_merchant_reference_idx ON payments.payment (merchant_id, reference);
-- what the scheduled jobs look for: unknown outcomes to resolve, authorisations to expire
CREATE INDEX payment_unresolved_idx ON payments.payment (next_check_at) WHERE status IN ('AUTHORISING', 'ACTION_REQUIRED');
CREATE INDEX payment_authorised_idx ON payments.payment (authorisation_expires_at) WHERE status = 'AUTHORISED';

CREATE TABLE payments.refund (
    id                  uuid        PRIMARY KEY,
    payment_id          uuid        NOT NULL REFERENCES payments.payment (id),
    merchant_id         uuid        NOT NULL,
    amount_minor        bigint      NOT NULL CHECK (amount_minor > 0),
    currency            char(3)     NOT NULL,
    status              text        NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    reason              text,
    failure_reason      text,
    hold_id             uuid,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);
CREATE INDEX refund_payment_idx ON payments.refund (payment_id, created_at);

CREATE TABLE payments.chargeback (
    id           uuid        PRIMARY KEY,
    payment_id   uuid        NOT NULL REFERENCES payments.payment (id),
    merchant_id  uuid        NOT NULL,
    amount_minor bigint      NOT NULL CHECK (amount_minor > 0),
    currency     char(3)     NOT NULL,
    status       text        NOT NULL CHECK (status IN ('OPEN', 'WON', 'LOST')),
    reason       text        NOT NULL,
    fee_minor    bigint,
    opened_at    timestamptz NOT NULL,
    closed_at    timestamptz
);
CREATE INDEX chargeback_payment_idx ON payments.chargeback (payment_id, opened_at);
-- one open dispute per payment at a time
CREATE UNIQUE INDEX chargeback_open_uq ON payments.chargeback (payment_id) WHERE status = 'OPEN';

-- Commission rates per merchant, method and currency; a payment without a row here pays the default
-- plan from configuration (reactivepay.payments.fee.*). Fixed, minimum and maximum are minor units of
-- the row's currency.
CREATE TABLE payments.rate_plan (
    merchant_id   uuid          NOT NULL,
    method        text          NOT NULL CHECK (method IN ('CARD', 'WALLET')),
    currency      char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    percent       numeric(7, 4) NOT NULL CHECK (percent >= 0 AND percent < 100),
    fixed_minor   bigint        NOT NULL DEFAULT 0 CHECK (fixed_minor >= 0),
    minimum_minor bigint        NOT NULL DEFAULT 0 CHECK (minimum_minor >= 0),
    maximum_minor bigint        CHECK (maximum_minor >= minimum_minor),
    PRIMARY KEY (merchant_id, method, currency)
);
