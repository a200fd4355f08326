package io.reactivepay.connector.acquirer;

import io.reactivepay.connector.support.OutboundResourceAdapter;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.TransactionSupport;

@Connector(displayName = "ReactivePay card acquirer", vendorName = "ReactivePay", eisType = "Card acquirer",
        version = "1.0", transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class AcquirerResourceAdapter extends OutboundResourceAdapter {
}
