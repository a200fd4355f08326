package io.reactivepay.connector.bank;

import io.reactivepay.connector.support.ConnectionHandle;
import io.reactivepay.connector.support.PooledManagedConnection;

/** A pooled connection to the bank; here the bank is a pair of folders. */
public class BankManagedConnection extends PooledManagedConnection {

    private final FileBank bank;

    BankManagedConnection(FileBank bank) {
        this.bank = bank;
    }

    FileBank bank() {
        return bank;
    }

    @Override
    protected ConnectionHandle<?> newHandle() {
        return new BankTransferConnectionImpl(this);
    }

    @Override
    protected String productName() {
        return "Bank (ISO 20022 pain.001 and camt.053 files)";
    }
}
