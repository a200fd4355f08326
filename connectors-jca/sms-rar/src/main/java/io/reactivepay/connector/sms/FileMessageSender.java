package io.reactivepay.connector.sms;

import io.reactivepay.connector.api.Outcome;
import io.reactivepay.connector.api.messaging.TextMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.UUID;

/**
 * Development gateway: appends each message as one line of {@code messages.log} in the outbox folder
 * ({@code <instant> <message-id> <to> <body>}), where a developer or a test reads the code it holds.
 */
final class FileMessageSender implements MessageSender {

    private static final System.Logger LOG = System.getLogger(FileMessageSender.class.getName());

    private final Path outbox;

    FileMessageSender(Path outboxDirectory) {
        this.outbox = outboxDirectory;
    }

    @Override
    public Outcome send(TextMessage message) {
        String id = UUID.randomUUID().toString();
        String line = Instant.now() + " " + id + " " + message.to() + " " + message.body().replace('\n', ' ') + "\n";
        try {
            Files.createDirectories(outbox);
            synchronized (FileMessageSender.class) {
                Files.writeString(outbox.resolve("messages.log"), line, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Development text message to {0} could not be written: {1}",
                    message.maskedRecipient(), e.toString());
            return new Outcome.Unknown("outbox not writable: " + e.getMessage());
        }
        LOG.log(System.Logger.Level.INFO, "[development] text message {0} to {1} written to {2}",
                id, message.maskedRecipient(), outbox);
        return new Outcome.Approved(id);
    }
}
