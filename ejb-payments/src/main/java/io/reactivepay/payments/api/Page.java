package io.reactivepay.payments.api;

import java.util.List;
import java.util.Optional;

/** One page of a listing, newest first; {@code nextCursor} fetches the next page and is empty on the last. */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    public Page {
        items = List.copyOf(items);
    }
}
