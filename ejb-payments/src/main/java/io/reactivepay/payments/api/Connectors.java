package io.reactivepay.payments.api;

import io.reactivepay.connector.api.admin.ConnectorInfo;
import jakarta.ejb.Local;
import java.util.List;

/** For administrators: the deployed connectors, their settings without secrets, their circuit state. */
@Local
public interface Connectors {

    List<ConnectorInfo> deployed();
}
