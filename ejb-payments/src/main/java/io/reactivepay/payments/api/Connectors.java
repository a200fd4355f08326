package io.reactivepay.payments.api;

import io.reactivepay.connector.api.admin.ConnectorInfo;
import jakarta.ejb.Local;
import java.util.List;

/** For administrators: the deployed connectors, their settings without secrets, their circuit state. */
@Local
public interface Connectors {

    /** Where the {@code BankTransferConnectionFactory} of payouts and statements is bound. */
    String BANK_TRANSFERS = "java:app/eis/bank-transfers";

    List<ConnectorInfo> deployed();
}
