-- The first answer to each money-moving call, under the merchant's idempotency key. The row is
-- claimed (inserted) first in the transaction of the change, so a concurrent duplicate waits on its
-- key and then reads the answer; a refusal rolls the claim back with everything else.
-- resource_id names what the call created or changed, so a call whose answer is not written yet
-- (a card authorisation in flight) can still be answered with the resource's current state.
CREATE TABLE payments.receipt (
    merchant_id      uuid        NOT NULL,
    idempotency_key  text        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
    request_digest   text        NOT NULL,
    resource_id      uuid,
    http_status      int         CHECK (http_status BETWEEN 200 AND 599),
    body             text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (merchant_id, idempotency_key),
    CHECK ((http_status IS NULL) = (body IS NULL))
);
-- Receipts are kept at least 7 days; the purge walks this index.
CREATE INDEX receipt_created_idx ON payments.receipt (created_at);

-- A merchant's two ledger accounts per currency: captured money waits in pending until settlement
-- moves it to available, from which payouts are paid.
CREATE TABLE payments.merchant_account (
    merchant_id           uuid    NOT NULL,
    currency              char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    pending_account_id    uuid    NOT NULL UNIQUE,
    available_account_id  uuid    NOT NULL UNIQUE,
    PRIMARY KEY (merchant_id, currency)
);
