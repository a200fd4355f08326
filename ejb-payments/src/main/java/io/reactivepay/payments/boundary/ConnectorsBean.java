package io.reactivepay.payments.boundary;

import io.reactivepay.connector.api.acquiring.CardAcquiringConnectionFactory;
import io.reactivepay.connector.api.admin.ConnectorInfo;
import io.reactivepay.connector.api.messaging.TextMessageConnectionFactory;
import io.reactivepay.payments.api.Connectors;
import io.reactivepay.vault.api.CardVault;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.util.List;

/**
 * Reports on every deployed connector through connector-api. It only asks the connection factories to
 * describe themselves; the modules that own them (vault: card acquirer, wallet: text messages) call them.
 */
@Stateless
public class ConnectorsBean implements Connectors {

    @Resource(lookup = CardVault.CARD_ACQUIRER)
    CardAcquiringConnectionFactory acquirer;

    @Resource(lookup = "java:app/eis/text-messages")
    TextMessageConnectionFactory textMessages;

    @Override
    public List<ConnectorInfo> deployed() {
        return List.of(acquirer.describe(), textMessages.describe());
    }
}
