package io.reactivepay.vault.boundary;

import io.reactivepay.connector.api.acquiring.CardAcquiringConnectionFactory;
import io.reactivepay.vault.api.CardVault;
import io.reactivepay.vault.control.CardStore;
import io.reactivepay.vault.control.VaultConfig;
import java.util.Base64;
import javax.sql.DataSource;

/** The real card vault wired by hand to an acquirer connection factory, for the payments module's tests. */
public final class VaultBeans {

    private VaultBeans() {
    }

    public static CardVault vault(DataSource dataSource, CardAcquiringConnectionFactory acquirer) {
        CardVaultBean vault = new CardVaultBean();
        vault.dataSource = dataSource;
        vault.cards = new CardStore();
        vault.config = new VaultConfig(VaultConfig.cipherOf("1:" + Base64.getEncoder().encodeToString(new byte[32]), "", 0));
        vault.acquirer = acquirer;
        return vault;
    }
}
