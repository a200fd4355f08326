package io.reactivepay.connector.bank;

import io.reactivepay.connector.api.banking.Payout;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * One payout as an ISO 20022 customer credit transfer initiation, {@code pain.001.001.09}: one group
 * header, one payment information block debiting our account, one transaction to the creditor's IBAN.
 */
final class Pain001Writer {

    static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

    private final Debtor debtor;

    /** Our own account, the one every payout is debited from. */
    record Debtor(String name, String iban, String bic) {
    }

    Pain001Writer(Debtor debtor) {
        this.debtor = debtor;
    }

    String write(String messageId, Payout payout, OffsetDateTime now) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("Document");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeStartElement("CstmrCdtTrfInitn");
            String amount = payout.amount().toDecimalString();

            xml.writeStartElement("GrpHdr");
            element(xml, "MsgId", messageId);
            element(xml, "CreDtTm", now.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
            element(xml, "NbOfTxs", "1");
            element(xml, "CtrlSum", amount);
            xml.writeStartElement("InitgPty");
            element(xml, "Nm", debtor.name());
            xml.writeEndElement();
            xml.writeEndElement();

            xml.writeStartElement("PmtInf");
            element(xml, "PmtInfId", messageId);
            element(xml, "PmtMtd", "TRF");
            element(xml, "NbOfTxs", "1");
            element(xml, "CtrlSum", amount);
            xml.writeStartElement("ReqdExctnDt");
            element(xml, "Dt", LocalDate.from(now.withOffsetSameInstant(ZoneOffset.UTC)).toString());
            xml.writeEndElement();
            party(xml, "Dbtr", debtor.name());
            account(xml, "DbtrAcct", debtor.iban());
            xml.writeStartElement("DbtrAgt");
            xml.writeStartElement("FinInstnId");
            element(xml, "BICFI", debtor.bic());
            xml.writeEndElement();
            xml.writeEndElement();

            xml.writeStartElement("CdtTrfTxInf");
            xml.writeStartElement("PmtId");
            element(xml, "EndToEndId", payout.endToEndId());
            xml.writeEndElement();
            xml.writeStartElement("Amt");
            xml.writeStartElement("InstdAmt");
            xml.writeAttribute("Ccy", payout.amount().currency().getCurrencyCode());
            xml.writeCharacters(amount);
            xml.writeEndElement();
            xml.writeEndElement();
            party(xml, "Cdtr", payout.creditorName());
            account(xml, "CdtrAcct", payout.creditorIban());
            if (!payout.remittanceInformation().isBlank()) {
                xml.writeStartElement("RmtInf");
                element(xml, "Ustrd", payout.remittanceInformation());
                xml.writeEndElement();
            }
            xml.writeEndElement();

            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write pain.001", e);
        }
        return out.toString();
    }

    private static void party(XMLStreamWriter xml, String name, String partyName) throws XMLStreamException {
        xml.writeStartElement(name);
        element(xml, "Nm", partyName);
        xml.writeEndElement();
    }

    private static void account(XMLStreamWriter xml, String name, String iban) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeStartElement("Id");
        element(xml, "IBAN", iban);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
