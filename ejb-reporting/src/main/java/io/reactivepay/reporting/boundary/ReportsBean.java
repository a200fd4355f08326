package io.reactivepay.reporting.boundary;

import io.reactivepay.reporting.api.ReportDefinition;
import io.reactivepay.reporting.api.Reports;
import io.reactivepay.reporting.entity.ReportDefinitionRecord;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

@Stateless
public class ReportsBean implements Reports {

    @PersistenceContext(unitName = "reporting")
    EntityManager em;

    @Override
    public List<ReportDefinition> definitions(ReportDefinition.Audience audience) {
        return em.createNamedQuery(ReportDefinitionRecord.BY_AUDIENCE, ReportDefinitionRecord.class)
                .setParameter("audience", audience)
                .getResultStream().map(ReportDefinitionRecord::view).toList();
    }
}
