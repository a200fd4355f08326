package io.reactivepay.payments.boundary;

import io.reactivepay.connector.api.acquiring.CardAcquiringConnectionFactory;
import io.reactivepay.connector.api.admin.ConnectorInfo;
import io.reactivepay.connector.api.banking.BankTransferConnectionFactory;
import io.reactivepay.connector.api.messaging.TextMessageConnectionFactory;
import io.reactivepay.payments.api.Connectors;
import io.reactivepay.vault.api.CardVault;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import java.util.List;

/**
 * Reports on every deployed connector through connector-api. It only asks the connection factories to
 * describe themselves; the modules that own them (vault: card acquirer, wallet: text messages,
 * payments: bank transfers, defined here) call them.
 */
@ConnectionFactoryDefinition(name = Connectors.BANK_TRANSFERS,
        interfaceName = "io.reactivepay.connector.api.banking.BankTransferConnectionFactory",
        resourceAdapter = "#bank-rar",
        transactionSupport = TransactionSupportLevel.NoTransaction,
        maxPoolSize = 4)
@Stateless
public class ConnectorsBean implements Connectors {

    @Resource(lookup = CardVault.CARD_ACQUIRER)
    CardAcquiringConnectionFactory acquirer;

    @Resource(lookup = Connectors.BANK_TRANSFERS)
    BankTransferConnectionFactory bankTransfers;

    @Resource(lookup = "java:app/eis/text-messages")
    TextMessageConnectionFactory textMessages;

    @Override
    public List<ConnectorInfo> deployed() {
        return List.of(acquirer.describe(), bankTransfers.describe(), textMessages.describe());
    }
}
