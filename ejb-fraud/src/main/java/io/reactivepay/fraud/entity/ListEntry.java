package io.reactivepay.fraud.entity;

import io.reactivepay.fraud.api.ListType;
import io.reactivepay.fraud.api.PartyKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

@Entity
@Table(schema = "fraud", name = "list_entry")
@NamedQuery(name = ListEntry.BY_VALUE,
        query = "SELECT e.listType FROM ListEntry e WHERE e.kind = :kind AND e.value = :value")
public class ListEntry {

    public static final String BY_VALUE = "ListEntry.byValue";

    @Id
    private long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "list_type", nullable = false)
    private ListType listType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PartyKind kind;

    @Column(nullable = false)
    private String value;

    @Column(nullable = false)
    private String reason;

    protected ListEntry() {
        // for JPA
    }
}
