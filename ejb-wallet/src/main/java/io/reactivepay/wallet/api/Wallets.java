package io.reactivepay.wallet.api;

import jakarta.ejb.Local;
import java.util.Collection;
import java.util.Map;
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

    /** The wallets among {@code walletIds} that exist, by id, read with one query (a batch of payments). */
    Map<UUID, WalletView> findAll(Collection<UUID> walletIds);
}
