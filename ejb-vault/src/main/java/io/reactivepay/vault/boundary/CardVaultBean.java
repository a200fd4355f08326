package io.reactivepay.vault.boundary;

import io.reactivepay.connector.api.Outcome;
import io.reactivepay.connector.api.acquiring.Authorisation;
import io.reactivepay.connector.api.acquiring.Card;
import io.reactivepay.connector.api.acquiring.CardAcquiringConnection;
import io.reactivepay.connector.api.acquiring.CardAcquiringConnectionFactory;
import io.reactivepay.platform.persistence.Jdbc;
import io.reactivepay.vault.api.CardAuthorisation;
import io.reactivepay.vault.api.CardVault;
import io.reactivepay.vault.api.StoredCard;
import io.reactivepay.vault.api.VaultException;
import io.reactivepay.vault.control.CardRules;
import io.reactivepay.vault.control.CardStore;
import io.reactivepay.vault.control.VaultConfig;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Defines the card-acquirer connection factory for the application (served by the embedded acquirer
 * adapter): authorisations, the only calls that carry a card number, are made here and nowhere else.
 */
@ConnectionFactoryDefinition(name = CardVault.CARD_ACQUIRER,
        interfaceName = "io.reactivepay.connector.api.acquiring.CardAcquiringConnectionFactory",
        resourceAdapter = "#acquirer-rar",
        transactionSupport = TransactionSupportLevel.NoTransaction,
        maxPoolSize = 16)
@Stateless
public class CardVaultBean implements CardVault {

    private static final System.Logger LOG = System.getLogger(CardVaultBean.class.getName());

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Resource(lookup = CardVault.CARD_ACQUIRER)
    CardAcquiringConnectionFactory acquirer;

    @Inject
    VaultConfig config;

    @Inject
    CardStore cards;

    Clock clock = Clock.systemUTC();

    @Override
    public StoredCard tokenise(String number, YearMonth expiry) {
        CardRules.requireValidNumber(number);
        CardRules.requireNotExpired(expiry, YearMonth.now(clock));
        StoredCard card = Jdbc.with(dataSource, "Storing a card", connection ->
                cards.insert(connection, config.cipher(), number, expiry));
        LOG.log(System.Logger.Level.INFO, "Card {0}…{1} tokenised as {2}", card.bin(), card.lastFour(), card.token());
        return card;
    }

    @Override
    public Optional<StoredCard> find(UUID token) {
        return Jdbc.with(dataSource, "Reading a card", connection -> cards.find(connection, token));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Outcome authorise(CardAuthorisation authorisation) {
        CardRules.requireValidSecurityCode(authorisation.securityCode());
        CardStore.Row row = Jdbc.with(dataSource, "Reading a card", connection ->
                cards.findWithNumber(connection, config.cipher(), authorisation.token())).orElseThrow(() ->
                new VaultException(VaultException.TOKEN_NOT_FOUND, "No card " + authorisation.token()));
        CardRules.requireNotExpired(row.card().expiry(), YearMonth.now(clock));
        Card card = new Card(row.number(), row.card().expiry(), authorisation.securityCode());
        try (CardAcquiringConnection connection = acquirer.getConnection()) {
            return connection.authorise(new Authorisation(authorisation.requestId(), authorisation.amount(), card,
                    authorisation.returnUrl()));
        }
    }
}
