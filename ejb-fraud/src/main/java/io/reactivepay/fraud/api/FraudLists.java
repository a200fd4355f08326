package io.reactivepay.fraud.api;

import jakarta.ejb.Local;
import java.util.Optional;

/** The black and white lists that screening consults. */
@Local
public interface FraudLists {

    /** Which list, if any, holds the value. */
    Optional<ListType> lookup(PartyKind kind, String value);
}
