-- A merchant's payment. Its money moves in the ledger; this row tracks where it is in its lifecycle.
CREATE TABLE payments.payment (
    id            uuid        PRIMARY KEY,
    merchant_ref  text        NOT NULL,
    amount_minor  bigint      NOT NULL CHECK (amount_minor > 0),
    currency      char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    status        text        NOT NULL CHECK (status IN ('CREATED', 'AUTHORISED', 'CAPTURED', 'PARTIALLY_REFUNDED',
                                  'REFUNDED', 'DECLINED', 'FAILED', 'VOIDED', 'EXPIRED', 'CHARGEBACK')),
    reference     text,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_merchant_created_idx ON payments.payment (merchant_ref, created_at DESC);
