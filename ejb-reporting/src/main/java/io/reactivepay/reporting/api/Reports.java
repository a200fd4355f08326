package io.reactivepay.reporting.api;

import jakarta.ejb.Local;
import java.util.List;

@Local
public interface Reports {

    /** The reports available to an audience, in display order. */
    List<ReportDefinition> definitions(ReportDefinition.Audience audience);
}
