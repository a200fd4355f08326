package io.reactivepay.connector.sms;

import io.reactivepay.connector.support.OutboundResourceAdapter;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.TransactionSupport;

@Connector(displayName = "ReactivePay text messages", vendorName = "ReactivePay", eisType = "SMS gateway",
        version = "1.0", transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class TextMessageResourceAdapter extends OutboundResourceAdapter {
}
