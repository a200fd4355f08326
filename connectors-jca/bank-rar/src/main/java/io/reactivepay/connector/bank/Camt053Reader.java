package io.reactivepay.connector.bank;

import io.reactivepay.connector.api.banking.StatementEntry;
import io.reactivepay.platform.money.Money;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads the booked entries of an ISO 20022 bank-to-customer statement ({@code camt.053}, versions 02 to
 * 08 alike: elements are matched by local name). Pending entries are left out: reconciliation works
 * on booked money only. No DTDs or external entities are read.
 */
final class Camt053Reader {

    List<StatementEntry> read(InputStream in) throws IOException {
        Element document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            document = factory.newDocumentBuilder().parse(in).getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("Not a readable camt.053 statement: " + e.getMessage(), e);
        }
        Element statements = child(document, "BkToCstmrStmt")
                .orElseThrow(() -> new IOException("Not a camt.053 statement: no BkToCstmrStmt"));
        List<StatementEntry> entries = new ArrayList<>();
        for (Element statement : children(statements, "Stmt")) {
            String statementId = text(statement, "Id").orElseThrow(() -> new IOException("A statement without Id"));
            String iban = path(statement, "Acct", "Id", "IBAN").flatMap(Camt053Reader::text)
                    .orElseThrow(() -> new IOException("Statement " + statementId + " has no account IBAN"));
            for (Element entry : children(statement, "Ntry")) {
                if (isBooked(entry)) {
                    entries.add(entry(statementId, iban, entry));
                }
            }
        }
        return entries;
    }

    private static StatementEntry entry(String statementId, String iban, Element entry) throws IOException {
        Element amount = child(entry, "Amt").orElseThrow(() -> new IOException("An entry without Amt in " + statementId));
        Money money = Money.parse(amount.getTextContent().strip(), Currency.getInstance(amount.getAttribute("Ccy")));
        if ("DBIT".equals(text(entry, "CdtDbtInd").orElse(""))) {
            money = money.negate();
        }
        String reference = text(entry, "AcctSvcrRef").or(() -> text(entry, "NtryRef"))
                .orElseThrow(() -> new IOException("An entry without AcctSvcrRef or NtryRef in " + statementId));
        String date = path(entry, "BookgDt", "Dt").flatMap(Camt053Reader::text)
                .or(() -> path(entry, "BookgDt", "DtTm").flatMap(Camt053Reader::text).map(dateTime -> dateTime.substring(0, 10)))
                .orElseThrow(() -> new IOException("Entry " + reference + " has no booking date"));
        Optional<Element> transaction = path(entry, "NtryDtls", "TxDtls");
        Optional<String> endToEndId = transaction.flatMap(details -> path(details, "Refs", "EndToEndId"))
                .flatMap(Camt053Reader::text).filter(id -> !id.equals("NOTPROVIDED"));
        String remittance = transaction.flatMap(details -> path(details, "RmtInf", "Ustrd"))
                .flatMap(Camt053Reader::text).orElse("");
        return new StatementEntry(statementId, iban, reference, money, LocalDate.parse(date), endToEndId, remittance);
    }

    /** {@code <Sts>BOOK</Sts>} up to version 04, {@code <Sts><Cd>BOOK</Cd></Sts>} from 05. */
    private static boolean isBooked(Element entry) {
        return child(entry, "Sts").map(status -> status.getTextContent().strip()).filter("BOOK"::equals).isPresent();
    }

    private static Optional<Element> path(Element from, String... names) {
        Optional<Element> current = Optional.of(from);
        for (String name : names) {
            current = current.flatMap(element -> child(element, name));
        }
        return current;
    }

    private static Optional<String> text(Element parent, String name) {
        return child(parent, name).flatMap(Camt053Reader::text);
    }

    private static Optional<String> text(Element element) {
        return Optional.of(element.getTextContent().strip()).filter(text -> !text.isEmpty());
    }

    private static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }
}
