package io.reactivepay.connector.bank;

import io.reactivepay.connector.api.ConnectorException;
import io.reactivepay.connector.api.Outcome;
import io.reactivepay.connector.api.banking.Payout;
import io.reactivepay.connector.api.banking.StatementEntry;
import java.io.IOException;
import java.io.InputStream;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A bank reached through folders, as over SFTP: payouts become pain.001 files in the outbox (one per
 * payout, named after its end-to-end id, so a repeated payout writes nothing new); statements are
 * camt.053 files in the inbox, moved to {@code inbox/imported} once read. A payout is settled when an
 * imported statement books its end-to-end id.
 */
final class FileBank {

    private static final System.Logger LOG = System.getLogger(FileBank.class.getName());

    private final Path outbox;
    private final Path inbox;
    private final Pain001Writer writer;
    private final Clock clock;

    FileBank(Path outbox, Path inbox, Pain001Writer writer, Clock clock) {
        this.outbox = outbox;
        this.inbox = inbox;
        this.writer = writer;
        this.clock = clock;
    }

    Outcome payout(Payout payout) {
        String messageId = messageId(payout.endToEndId());
        Path file = outbox.resolve(messageId + ".xml");
        try {
            Files.createDirectories(outbox);
            if (!Files.exists(file)) {
                // written aside, then moved: the bank's collector never sees half a file
                Path partial = outbox.resolve(messageId + ".xml.part");
                Files.writeString(partial, writer.write(messageId, payout, OffsetDateTime.now(clock)), StandardCharsets.UTF_8);
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
                LOG.log(System.Logger.Level.INFO, "Payout {0} of {1} written to {2}", payout.endToEndId(), payout.amount(), file);
            }
            return new Outcome.Pending(messageId);
        } catch (IOException e) {
            return new Outcome.Unknown("payout file not written: " + e.getMessage());
        }
    }

    Outcome status(String endToEndId) {
        String messageId = messageId(endToEndId);
        try {
            Optional<StatementEntry> booked = importedEntries().stream()
                    .filter(entry -> entry.endToEndId().filter(endToEndId::equals).isPresent()).findFirst();
            if (booked.isPresent()) {
                return new Outcome.Approved(booked.get().entryReference());
            }
        } catch (IOException e) {
            return new Outcome.Unknown("imported statements not readable: " + e.getMessage());
        }
        return Files.exists(outbox.resolve(messageId + ".xml")) ? new Outcome.Pending(messageId)
                : new Outcome.Declined("not_found");
    }

    /** Reads every statement waiting in the inbox, oldest name first, and moves it to {@code imported}. */
    List<StatementEntry> importStatements() {
        List<StatementEntry> entries = new ArrayList<>();
        try {
            Files.createDirectories(imported());
            for (Path statement : xmlFiles(inbox)) {
                try (InputStream in = Files.newInputStream(statement)) {
                    entries.addAll(new Camt053Reader().read(in));
                }
                Files.move(statement, imported().resolve(statement.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                LOG.log(System.Logger.Level.INFO, "Statement {0} imported", statement.getFileName());
            }
        } catch (IOException e) {
            throw new ConnectorException("Statements could not be imported from " + inbox, e);
        }
        return entries;
    }

    private List<StatementEntry> importedEntries() throws IOException {
        List<StatementEntry> entries = new ArrayList<>();
        for (Path statement : xmlFiles(imported())) {
            try (InputStream in = Files.newInputStream(statement)) {
                entries.addAll(new Camt053Reader().read(in));
            }
        }
        return entries;
    }

    private Path imported() {
        return inbox.resolve("imported");
    }

    private static List<Path> xmlFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> Files.isRegularFile(file) && file.toString().endsWith(".xml")).sorted().toList();
        }
    }

    /** At most 35 characters, as the schema wants, and the same for the same end-to-end id. */
    static String messageId(String endToEndId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(endToEndId.getBytes(StandardCharsets.UTF_8));
            return "RP" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
