-- A card refund the acquirer did not answer stays PENDING; the resolver asks again (same request id, so
-- the acquirer answers with its first answer instead of refunding twice) once next_check_at is due.
ALTER TABLE payments.refund ADD COLUMN next_check_at timestamptz;
CREATE INDEX refund_pending_idx ON payments.refund (next_check_at) WHERE status = 'PENDING';
