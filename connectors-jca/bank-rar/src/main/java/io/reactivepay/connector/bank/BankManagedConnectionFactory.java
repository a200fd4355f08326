package io.reactivepay.connector.bank;

import io.reactivepay.connector.api.admin.CircuitState;
import io.reactivepay.connector.api.admin.ConnectorInfo;
import io.reactivepay.connector.api.banking.BankTransferConnection;
import io.reactivepay.connector.api.banking.BankTransferConnectionFactory;
import io.reactivepay.connector.support.OutboundManagedConnectionFactory;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import javax.security.auth.Subject;

/**
 * Folders and our own account. Empty folders fall back to the system properties
 * {@code reactivepay.bank.outbox-dir} and {@code reactivepay.bank.inbox-dir}, which the launcher sets.
 */
@ConnectionDefinition(connectionFactory = BankTransferConnectionFactory.class,
        connectionFactoryImpl = BankTransferConnectionFactoryImpl.class,
        connection = BankTransferConnection.class,
        connectionImpl = BankTransferConnectionImpl.class)
public class BankManagedConnectionFactory extends OutboundManagedConnectionFactory {

    private static final long serialVersionUID = 1L;

    @ConfigProperty(description = "Where pain.001 payout files are written for the bank to collect; empty: "
            + "reactivepay.bank.outbox-dir, else bank-outbox under the server's working directory")
    private String outboxDirectory = "";

    @ConfigProperty(description = "Where the bank's camt.053 statements arrive; empty: reactivepay.bank.inbox-dir, "
            + "else bank-inbox under the server's working directory")
    private String inboxDirectory = "";

    @ConfigProperty(description = "Name of our account holder, the debtor of every payout")
    private String debtorName = "ReactivePay";

    @ConfigProperty(description = "IBAN of the account payouts are debited from")
    private String debtorIban = "DE89370400440532013000";

    @ConfigProperty(description = "BIC of our bank")
    private String debtorBic = "COBADEFFXXX";

    Path outboxPath() {
        return Path.of(setting(outboxDirectory, "reactivepay.bank.outbox-dir", "bank-outbox"));
    }

    Path inboxPath() {
        return Path.of(setting(inboxDirectory, "reactivepay.bank.inbox-dir", "bank-inbox"));
    }

    @Override
    public ConnectorInfo describe() {
        return new ConnectorInfo("bank-rar", "bank transfers", Map.of(
                "outboxDirectory", outboxPath().toAbsolutePath().toString(),
                "inboxDirectory", inboxPath().toAbsolutePath().toString(),
                "debtorName", debtorName, "debtorIban", debtorIban, "debtorBic", debtorBic), CircuitState.NONE);
    }

    @Override
    public Object createConnectionFactory(ConnectionManager manager) {
        return new BankTransferConnectionFactoryImpl(this, manager);
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) {
        return new BankManagedConnection(new FileBank(outboxPath(), inboxPath(),
                new Pain001Writer(new Pain001Writer.Debtor(debtorName, debtorIban, debtorBic)), Clock.systemUTC()));
    }

    public String getOutboxDirectory() {
        return outboxDirectory;
    }

    public void setOutboxDirectory(String outboxDirectory) {
        this.outboxDirectory = outboxDirectory;
    }

    public String getInboxDirectory() {
        return inboxDirectory;
    }

    public void setInboxDirectory(String inboxDirectory) {
        this.inboxDirectory = inboxDirectory;
    }

    public String getDebtorName() {
        return debtorName;
    }

    public void setDebtorName(String debtorName) {
        this.debtorName = debtorName;
    }

    public String getDebtorIban() {
        return debtorIban;
    }

    public void setDebtorIban(String debtorIban) {
        this.debtorIban = debtorIban;
    }

    public String getDebtorBic() {
        return debtorBic;
    }

    public void setDebtorBic(String debtorBic) {
        this.debtorBic = debtorBic;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BankManagedConnectionFactory that && Objects.equals(outboxDirectory, that.outboxDirectory)
                && Objects.equals(inboxDirectory, that.inboxDirectory) && Objects.equals(debtorName, that.debtorName)
                && Objects.equals(debtorIban, that.debtorIban) && Objects.equals(debtorBic, that.debtorBic);
    }

    @Override
    public int hashCode() {
        return Objects.hash(outboxDirectory, inboxDirectory, debtorName, debtorIban, debtorBic);
    }
}
