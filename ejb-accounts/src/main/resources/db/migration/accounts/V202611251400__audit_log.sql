-- Who did what to which object, from where, when. Append-only (the trigger refuses changes) and
-- hash-chained: each row's hash covers its content and the previous row's hash, so a change that
-- bypasses the trigger (a superuser, a restored backup) is found by verification.
CREATE TABLE accounts.audit_log (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor       text        NOT NULL,
    action      text        NOT NULL,
    object_type text        NOT NULL,
    object_id   text        NOT NULL,
    source      text        NOT NULL,
    details     jsonb       NOT NULL DEFAULT '{}',
    prev_hash   bytea       NOT NULL,
    hash        bytea       NOT NULL UNIQUE
);
CREATE INDEX audit_log_object_idx ON accounts.audit_log (object_type, object_id, id);

CREATE FUNCTION accounts.audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'accounts.audit_log is append-only';
END
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON accounts.audit_log
    FOR EACH ROW EXECUTE FUNCTION accounts.audit_log_is_append_only();
