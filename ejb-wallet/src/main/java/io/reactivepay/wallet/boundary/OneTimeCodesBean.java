package io.reactivepay.wallet.boundary;

import io.reactivepay.connector.api.Outcome;
import io.reactivepay.connector.api.messaging.TextMessage;
import io.reactivepay.connector.api.messaging.TextMessageConnection;
import io.reactivepay.connector.api.messaging.TextMessageConnectionFactory;
import io.reactivepay.wallet.api.CodeChallenge;
import io.reactivepay.wallet.api.OneTimeCodes;
import io.reactivepay.wallet.api.WalletException;
import io.reactivepay.wallet.control.CodeHasher;
import io.reactivepay.wallet.entity.CodeChallengeRecord;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Sends and checks one-time codes. The connection factory is defined by the application itself, so
 * deploying the EAR is all it takes: the embedded text-message adapter serves it.
 */
@ConnectionFactoryDefinition(name = "java:app/eis/text-messages",
        interfaceName = "io.reactivepay.connector.api.messaging.TextMessageConnectionFactory",
        resourceAdapter = "#sms-rar",
        transactionSupport = TransactionSupportLevel.NoTransaction,
        maxPoolSize = 8)
@Stateless
public class OneTimeCodesBean implements OneTimeCodes {

    private static final Duration VALIDITY = Duration.ofMinutes(5);

    @PersistenceContext(unitName = "wallet")
    EntityManager em;

    @Resource(lookup = "java:app/eis/text-messages")
    TextMessageConnectionFactory textMessages;

    @Inject
    CodeHasher hasher;

    @Override
    public CodeChallenge send(String phone) {
        UUID id = UUID.randomUUID();
        String code = hasher.newCode();
        TextMessage message = new TextMessage(phone, "Your ReactivePay code is " + code + ". It expires in 5 minutes.");
        CodeChallengeRecord challenge = new CodeChallengeRecord(id, phone, hasher.hash(id, code),
                OffsetDateTime.now(ZoneOffset.UTC).plus(VALIDITY));
        em.persist(challenge);
        Outcome outcome;
        try (TextMessageConnection connection = textMessages.getConnection()) {
            outcome = connection.send(message);
        }
        if (!(outcome instanceof Outcome.Approved)) {
            // the challenge rolls back with this exception: a code nobody received must not be usable
            throw new WalletException(WalletException.CODE_NOT_DELIVERED, "The code could not be sent: " + outcome);
        }
        return new CodeChallenge(id, challenge.expiresAt().toInstant());
    }

    @Override
    public boolean verify(UUID challengeId, String code) {
        CodeChallengeRecord challenge = em.find(CodeChallengeRecord.class, challengeId);
        return challenge != null && code != null && challenge.attempt(hasher.hash(challengeId, code));
    }
}
