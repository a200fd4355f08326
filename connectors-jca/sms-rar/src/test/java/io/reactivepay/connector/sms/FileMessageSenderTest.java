package io.reactivepay.connector.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.connector.api.Outcome;
import io.reactivepay.connector.api.messaging.TextMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMessageSenderTest {

    @Test
    void appendsOneLinePerMessageAndAnswersWithItsId(@TempDir Path dir) throws Exception {
        FileMessageSender sender = new FileMessageSender(dir.resolve("outbox"));
        Outcome first = sender.send(new TextMessage("+4915112345678", "Your code is 123456"));
        sender.send(new TextMessage("+4915112345679", "Your code is 654321"));

        List<String> lines = Files.readAllLines(dir.resolve("outbox/messages.log"));
        assertEquals(2, lines.size());
        Outcome.Approved approved = assertInstanceOf(Outcome.Approved.class, first);
        assertTrue(lines.get(0).contains(approved.reference() + " +4915112345678 Your code is 123456"));
    }

    @Test
    void anUnwritableOutboxIsAnUnknownOutcomeNotAnApproval(@TempDir Path dir) throws Exception {
        Path blocker = Files.writeString(dir.resolve("file"), "not a folder");
        Outcome outcome = new FileMessageSender(blocker.resolve("outbox"))
                .send(new TextMessage("+4915112345678", "hello"));
        assertInstanceOf(Outcome.Unknown.class, outcome);
    }

    @Test
    void masksAllButTheEdgesOfTheRecipient() {
        assertEquals("+49********678", new TextMessage("+4915112345678", "x").maskedRecipient());
    }
}
