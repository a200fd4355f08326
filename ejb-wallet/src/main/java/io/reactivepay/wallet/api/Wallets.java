package io.reactivepay.wallet.api;

import jakarta.ejb.Local;
import java.util.Optional;
import java.util.UUID;

@Local
public interface Wallets {

    /**
     * Opens a wallet with its ledger account, in the caller's transaction if there is one.
     *
     * @throws WalletException {@link WalletException#WALLET_EXISTS} if the customer has one in that currency
     */
    WalletView open(OpenWallet request);

    Optional<WalletView> find(UUID walletId);
}
