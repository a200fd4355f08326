package io.reactivepay.connector.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.connector.api.ConnectorException;
import io.reactivepay.connector.api.Outcome;
import io.reactivepay.connector.api.banking.BankTransferConnection;
import io.reactivepay.connector.api.banking.BankTransferConnectionFactory;
import io.reactivepay.connector.api.banking.Payout;
import io.reactivepay.connector.api.banking.StatementEntry;
import io.reactivepay.platform.money.Money;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXException;

/** The bank adapter in non-managed mode on real folders; its files checked against the ISO 20022 schema. */
class BankAdapterTest {

    private static final Payout PAYOUT = new Payout("PAYOUT-42", Money.of(25000, "EUR"), "Müller & Söhne GmbH",
            "DE02120300000000202051", "Merchant settlement 42");

    @TempDir
    Path dir;
    private BankTransferConnectionFactory bank;

    @BeforeEach
    void adapter() throws Exception {
        BankManagedConnectionFactory managed = new BankManagedConnectionFactory();
        managed.setOutboxDirectory(dir.resolve("outbox").toString());
        managed.setInboxDirectory(dir.resolve("inbox").toString());
        bank = (BankTransferConnectionFactory) managed.createConnectionFactory();
    }

    @Test
    void aPayoutIsAPain001FileThatValidatesAgainstTheIso20022Schema() throws Exception {
        Outcome.Pending pending;
        try (BankTransferConnection connection = bank.getConnection()) {
            pending = (Outcome.Pending) connection.payout(PAYOUT);
        }
        Path file = dir.resolve("outbox").resolve(pending.reference() + ".xml");
        validateAgainstPain001(file);
        String xml = Files.readString(file);
        assertTrue(xml.contains("<EndToEndId>PAYOUT-42</EndToEndId>"), xml);
        assertTrue(xml.contains("<InstdAmt Ccy=\"EUR\">250.00</InstdAmt>"), xml);
        assertTrue(xml.contains("<Nm>Müller &amp; Söhne GmbH</Nm>"), xml);
        assertTrue(xml.contains("<IBAN>DE89370400440532013000</IBAN>"), "the debtor is our account: " + xml);
    }

    @Test
    void anInvalidFileIsRejectedByTheSchemaSoTheValidationCanFail() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.xml"), """
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"><CstmrCdtTrfInitn>
                <GrpHdr><MsgId>X</MsgId></GrpHdr></CstmrCdtTrfInitn></Document>""");
        assertThrows(SAXException.class, () -> validateAgainstPain001(broken));
    }

    @Test
    void theSamePayoutTwiceWritesOneFile() throws Exception {
        try (BankTransferConnection connection = bank.getConnection()) {
            assertEquals(connection.payout(PAYOUT), connection.payout(PAYOUT));
        }
        try (var files = Files.list(dir.resolve("outbox"))) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aCamt053StatementIsImportedOnceIntoItsBookedEntries() throws Exception {
        deliverSampleStatement();
        try (BankTransferConnection connection = bank.getConnection()) {
            List<StatementEntry> entries = connection.importStatements();
            assertEquals(List.of(
                    new StatementEntry("STMT-DE89-2026-11-25", "DE89370400440532013000", "BANKREF-0001",
                            Money.of(-25000, "EUR"), LocalDate.of(2026, 11, 25), Optional.of("PAYOUT-42"),
                            "Merchant settlement 42"),
                    new StatementEntry("STMT-DE89-2026-11-25", "DE89370400440532013000", "BANKREF-0002",
                            Money.of(100000, "EUR"), LocalDate.of(2026, 11, 25), Optional.empty(), "Top-up wallet W-7")),
                    entries, "booked entries only, debits negative");
            assertEquals(List.of(), connection.importStatements(), "a statement is imported once");
        }
    }

    @Test
    void aPayoutIsPendingUntilAStatementBooksItsEndToEndId() throws Exception {
        try (BankTransferConnection connection = bank.getConnection()) {
            assertEquals(new Outcome.Declined("not_found"), connection.status("PAYOUT-42"));
            Outcome.Pending pending = (Outcome.Pending) connection.payout(PAYOUT);
            assertEquals(pending, connection.status("PAYOUT-42"));
            deliverSampleStatement();
            connection.importStatements();
            assertEquals(new Outcome.Approved("BANKREF-0001"), connection.status("PAYOUT-42"));
        }
    }

    @Test
    void aFileThatIsNotAStatementStopsTheImportAndStaysInTheInbox() throws Exception {
        Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(dir.resolve("inbox/bad.xml"), "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
        try (BankTransferConnection connection = bank.getConnection()) {
            assertThrows(ConnectorException.class, connection::importStatements);
        }
        assertTrue(Files.exists(dir.resolve("inbox/bad.xml")));
    }

    private void deliverSampleStatement() throws Exception {
        Files.createDirectories(dir.resolve("inbox"));
        try (InputStream sample = getClass().getResourceAsStream("/iso20022/camt.053-sample.xml")) {
            Files.copy(sample, dir.resolve("inbox/camt053-20261125.xml"));
        }
    }

    private static void validateAgainstPain001(Path file) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Validator validator = factory.newSchema(BankAdapterTest.class.getResource("/iso20022/pain.001.001.09.xsd"))
                .newValidator();
        validator.validate(new StreamSource(file.toFile()));
    }
}
