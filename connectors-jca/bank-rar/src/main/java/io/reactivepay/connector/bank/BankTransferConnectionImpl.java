package io.reactivepay.connector.bank;

import io.reactivepay.connector.api.Outcome;
import io.reactivepay.connector.api.banking.BankTransferConnection;
import io.reactivepay.connector.api.banking.Payout;
import io.reactivepay.connector.api.banking.StatementEntry;
import io.reactivepay.connector.support.ConnectionHandle;
import java.util.List;

public class BankTransferConnectionImpl extends ConnectionHandle<BankManagedConnection> implements BankTransferConnection {

    BankTransferConnectionImpl(BankManagedConnection managedConnection) {
        super(BankManagedConnection.class, managedConnection);
    }

    @Override
    public Outcome payout(Payout payout) {
        return managedConnection().bank().payout(payout);
    }

    @Override
    public Outcome status(String endToEndId) {
        return managedConnection().bank().status(endToEndId);
    }

    @Override
    public List<StatementEntry> importStatements() {
        return managedConnection().bank().importStatements();
    }
}
