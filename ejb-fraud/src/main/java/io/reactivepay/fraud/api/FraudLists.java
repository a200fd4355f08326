package io.reactivepay.fraud.api;

import jakarta.ejb.Local;
import java.util.Optional;

/** The black and white lists that screening consults; every change is audited. */
@Local
public interface FraudLists {

    /** Adds the entry and returns its id; a value already listed (either list) is a conflict. */
    long add(ListEntryRequest request, String actor);

    void remove(long id, String actor);

    /** The entry, if any, that decides for the value. */
    Optional<ListMatch> lookup(PartyKind kind, String value);
}
