package io.reactivepay.connector.bank;

import io.reactivepay.connector.api.banking.BankTransferConnection;
import io.reactivepay.connector.api.banking.BankTransferConnectionFactory;
import io.reactivepay.connector.support.ConnectionFactorySupport;
import jakarta.resource.spi.ConnectionManager;

public class BankTransferConnectionFactoryImpl extends ConnectionFactorySupport implements BankTransferConnectionFactory {

    private static final long serialVersionUID = 1L;

    BankTransferConnectionFactoryImpl(BankManagedConnectionFactory managedFactory, ConnectionManager manager) {
        super(managedFactory, manager);
    }

    @Override
    public BankTransferConnection getConnection() {
        return allocate(BankTransferConnection.class);
    }
}
