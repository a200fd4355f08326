package io.reactivepay.connector.bank;

import io.reactivepay.connector.support.OutboundResourceAdapter;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.TransactionSupport;

@Connector(displayName = "ReactivePay bank transfers", vendorName = "ReactivePay", eisType = "Bank (ISO 20022 files)",
        version = "1.0", transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class BankResourceAdapter extends OutboundResourceAdapter {
}
