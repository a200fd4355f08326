-- Lists: an IP entry holds a network (a single address is a /32 or /128), matched with >>= through a
-- GiST index; a white entry names the rules it skips (none named: all) and whether it beats a black
-- entry of another kind. E-mails and phones are stored as keyed hashes, never in clear.
ALTER TABLE fraud.list_entry
    ADD COLUMN network        cidr,
    ADD COLUMN skipped_rules  text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN overrides_black boolean NOT NULL DEFAULT false,
    ADD COLUMN created_by     text    NOT NULL DEFAULT 'system',
    ADD CONSTRAINT list_entry_ip_network CHECK ((kind = 'IP') = (network IS NOT NULL)),
    ADD CONSTRAINT list_entry_white_only CHECK (list_type = 'WHITE' OR (skipped_rules = '{}' AND NOT overrides_black));
CREATE INDEX list_entry_network_ix ON fraud.list_entry USING gist (network inet_ops) WHERE kind = 'IP';

-- Rules are versioned: a change inserts the next version of (rule_key, scope) and clears "current" on
-- the previous one, which stays for the record. Scope '*' is every merchant; a merchant's own version
-- of a rule key replaces the global one for that merchant (enabled = false switches it off there).
CREATE TABLE fraud.rule (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rule_key      text        NOT NULL CHECK (rule_key ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    scope         text        NOT NULL,
    version       int         NOT NULL CHECK (version > 0),
    current       boolean     NOT NULL,
    enabled       boolean     NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('AMOUNT_MIN', 'AMOUNT_MAX', 'VELOCITY_COUNT', 'VELOCITY_SUM',
                                  'BIN_COUNTRY', 'IP_COUNTRY', 'COUNTRY_MISMATCH', 'NEW_CARD', 'NEW_CUSTOMER', 'DECLINE_COUNT')),
    action        text        NOT NULL CHECK (action IN ('SCORE', 'REVIEW', 'DECLINE')),
    score         int         NOT NULL CHECK (score BETWEEN 0 AND 1000),
    currency      char(3),
    threshold     bigint      CHECK (threshold >= 0),
    velocity_key  text        CHECK (velocity_key IN ('CARD', 'EMAIL', 'PHONE', 'IP', 'DEVICE', 'WALLET', 'MERCHANT', 'CUSTOMER')),
    time_window   text        CHECK (time_window IN ('HOUR', 'DAY', 'WEEK', 'MONTH')),
    countries     text[]      NOT NULL DEFAULT '{}',
    created_by    text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT rule_version_uq UNIQUE (rule_key, scope, version)
);
CREATE UNIQUE INDEX rule_current_uq ON fraud.rule (rule_key, scope) WHERE current;

-- Score thresholds per scope ('*' or a merchant id): REVIEW from review_at, DECLINE from decline_at.
CREATE TABLE fraud.threshold (
    scope       text PRIMARY KEY,
    review_at   int  NOT NULL CHECK (review_at > 0),
    decline_at  int  NOT NULL CHECK (decline_at >= review_at),
    created_by  text NOT NULL
);
INSERT INTO fraud.threshold (scope, review_at, decline_at, created_by) VALUES ('*', 50, 100, 'system');

-- One row that every rule or threshold change bumps: servers compare it (about once a second)
-- with the version of the rules they hold in memory.
CREATE TABLE fraud.rule_set (
    id       int    PRIMARY KEY CHECK (id = 1),
    version  bigint NOT NULL
);
INSERT INTO fraud.rule_set VALUES (1, 1);

-- Velocity counters: one row per dimension, keyed hash, hour (since the epoch), currency and shard.
-- A window sums at most 721 rows of one key through the primary key. Merchants are hot keys: their
-- counts are spread over shards so concurrent payments do not queue on one row lock.
CREATE TABLE fraud.velocity (
    dimension  text     NOT NULL,
    key_hash   bytea    NOT NULL,
    bucket     int      NOT NULL,
    currency   char(3)  NOT NULL,
    shard      smallint NOT NULL,
    hits       bigint   NOT NULL,
    sum_minor  bigint   NOT NULL,
    declines   bigint   NOT NULL,
    PRIMARY KEY (dimension, key_hash, bucket, currency, shard)
);

-- Every screening, keyed by the caller's reference (the payment id): decision, score and fired rules,
-- the velocity keys it counted (hashes, to count a later decline), and its review.
CREATE TABLE fraud.screening (
    reference     text        PRIMARY KEY CHECK (length(reference) BETWEEN 1 AND 100),
    kind          text        NOT NULL,
    merchant_id   text        NOT NULL,
    amount_minor  bigint      NOT NULL,
    currency      char(3)     NOT NULL,
    verdict       text        NOT NULL CHECK (verdict IN ('ALLOW', 'REVIEW', 'DECLINE')),
    score         int         NOT NULL,
    fired         jsonb       NOT NULL,
    rule_set      bigint      NOT NULL,
    dimensions    text[]      NOT NULL,
    key_hashes    bytea[]     NOT NULL,
    status        text        NOT NULL CHECK (status IN ('ALLOWED', 'HELD', 'DECLINED', 'APPROVED', 'REJECTED')),
    screened_at   timestamptz NOT NULL,
    reviewed_by   text,
    reviewed_at   timestamptz,
    review_note   text
);
CREATE INDEX screening_held_ix ON fraud.screening (screened_at, reference) WHERE status = 'HELD';

-- Request rate limits: one counter row per scope, hashed key and fixed window, raised by one statement
-- that refuses to go past the limit.
CREATE TABLE fraud.rate_counter (
    scope         text   NOT NULL,
    key_hash      bytea  NOT NULL,
    window_start  bigint NOT NULL,
    hits          int    NOT NULL,
    PRIMARY KEY (scope, key_hash, window_start)
);
