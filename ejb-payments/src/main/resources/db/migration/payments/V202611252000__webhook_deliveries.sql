-- One event's delivery to a merchant's webhook. The consumer of payments.events inserts one row per
-- event and merchant (Kafka delivers at least once: the unique index drops repeats); a replay is a
-- new row pointing at the delivery it repeats. body is the exact JSON POSTed, so every attempt and
-- every replay sends the same bytes. replay_of is a plain reference, not a foreign key: settled
-- deliveries are purged after the retention period, a replay possibly before what it repeats.
CREATE TABLE payments.webhook_delivery (
    id               uuid        PRIMARY KEY,
    merchant_id      uuid        NOT NULL,
    event_id         uuid        NOT NULL,
    event_type       text        NOT NULL,
    occurred_at      timestamptz NOT NULL,
    body             text        NOT NULL,
    url              text        NOT NULL,
    replay_of        uuid,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         int         NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    -- while PENDING: when the next attempt is due; a dispatcher that claims the row moves it past
    -- the attempt's timeouts (a lease), so no other dispatcher sends it at the same time
    next_attempt_at  timestamptz,
    give_up_at       timestamptz NOT NULL,
    last_http_status int         CHECK (last_http_status BETWEEN 100 AND 599),
    last_error       text,
    created_at       timestamptz NOT NULL,
    delivered_at     timestamptz,
    CHECK ((status = 'PENDING') = (next_attempt_at IS NOT NULL)),
    CHECK ((status = 'DELIVERED') = (delivered_at IS NOT NULL))
);
CREATE UNIQUE INDEX webhook_delivery_event_idx ON payments.webhook_delivery (event_id, merchant_id)
    WHERE replay_of IS NULL;
-- the dispatcher's scan of due rows
CREATE INDEX webhook_delivery_due_idx ON payments.webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
-- a merchant's deliveries, newest first, paged by (created_at, id)
CREATE INDEX webhook_delivery_merchant_idx ON payments.webhook_delivery (merchant_id, created_at DESC, id DESC);
-- the purge of settled deliveries past the retention period
CREATE INDEX webhook_delivery_created_idx ON payments.webhook_delivery (created_at) WHERE status <> 'PENDING';

-- Every attempt, for the merchant to see: written when the dispatcher claims the delivery (before the
-- call), completed with the answer. One left without an outcome was cut short by a server stopping.
CREATE TABLE payments.webhook_attempt (
    delivery_id  uuid        NOT NULL REFERENCES payments.webhook_delivery (id) ON DELETE CASCADE,
    attempt      int         NOT NULL CHECK (attempt > 0),
    url          text        NOT NULL,
    started_at   timestamptz NOT NULL,
    duration_ms  bigint      CHECK (duration_ms >= 0),
    http_status  int         CHECK (http_status BETWEEN 100 AND 599),
    error        text,
    PRIMARY KEY (delivery_id, attempt)
);
