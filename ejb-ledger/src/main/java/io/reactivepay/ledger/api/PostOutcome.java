package io.reactivepay.ledger.api;

import io.reactivepay.platform.error.ErrorCode;
import java.util.Objects;

/** What became of one request of {@link Ledger#postAll}: posted (or replayed), or refused with nothing recorded. */
public sealed interface PostOutcome {

    /** The entry, or the refusal thrown as the {@link LedgerException} that {@link Ledger#post} would have thrown. */
    Entry entryOrThrow();

    /** The entry was posted by this request or, for a replayed key, by the first request with that key. */
    record Posted(Entry entry) implements PostOutcome {

        public Posted {
            Objects.requireNonNull(entry, "entry");
        }

        @Override
        public Entry entryOrThrow() {
            return entry;
        }
    }

    /** The request was refused; it left no trace, its idempotency key included. */
    record Refused(ErrorCode code, String message) implements PostOutcome {

        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }

        public static Refused of(LedgerException refusal) {
            return new Refused(refusal.errorCode(), refusal.getMessage());
        }

        @Override
        public Entry entryOrThrow() {
            throw new LedgerException(code, message);
        }
    }
}
