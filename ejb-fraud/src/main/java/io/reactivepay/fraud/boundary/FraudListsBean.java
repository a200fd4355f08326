package io.reactivepay.fraud.boundary;

import io.reactivepay.fraud.api.FraudLists;
import io.reactivepay.fraud.api.ListType;
import io.reactivepay.fraud.api.PartyKind;
import io.reactivepay.fraud.entity.ListEntry;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@Stateless
public class FraudListsBean implements FraudLists {

    @PersistenceContext(unitName = "fraud")
    EntityManager em;

    @Override
    public Optional<ListType> lookup(PartyKind kind, String value) {
        return em.createNamedQuery(ListEntry.BY_VALUE, ListType.class)
                .setParameter("kind", kind)
                .setParameter("value", value)
                .getResultStream().findFirst();
    }
}
