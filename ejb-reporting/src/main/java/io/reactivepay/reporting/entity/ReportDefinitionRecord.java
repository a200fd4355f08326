package io.reactivepay.reporting.entity;

import io.reactivepay.reporting.api.ReportDefinition;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

@Entity
@Table(schema = "reporting", name = "report_definition")
@NamedQuery(name = ReportDefinitionRecord.BY_AUDIENCE,
        query = "SELECT r FROM ReportDefinitionRecord r WHERE r.audience = :audience ORDER BY r.sortOrder")
public class ReportDefinitionRecord {

    public static final String BY_AUDIENCE = "ReportDefinitionRecord.byAudience";

    @Id
    private String code;

    @Column(nullable = false)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReportDefinition.Audience audience;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    protected ReportDefinitionRecord() {
        // for JPA
    }

    public ReportDefinition view() {
        return new ReportDefinition(code, title, audience);
    }
}
