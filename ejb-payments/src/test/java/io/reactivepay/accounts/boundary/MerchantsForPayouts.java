package io.reactivepay.accounts.boundary;

import io.reactivepay.accounts.api.Merchants;
import io.reactivepay.accounts.control.ApiKeyStore;
import io.reactivepay.accounts.control.AuditChain;
import io.reactivepay.accounts.control.MerchantStore;
import io.reactivepay.platform.crypto.DataKeys;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** The real merchants bean (bank accounts encrypted at rest) wired by hand for the payouts tests. */
public final class MerchantsForPayouts {

    private MerchantsForPayouts() {
    }

    public static Merchants on(DataSource dataSource) {
        Map<String, String> config = Map.of(DataKeys.DATA_KEYS, "1:" + key(11), DataKeys.ACTIVE_KEY_ID, "1",
                DataKeys.BLIND_INDEX_KEY, key(33));
        MerchantsBean bean = new MerchantsBean();
        bean.dataSource = dataSource;
        bean.merchants = new MerchantStore(DataKeys.from(name -> Optional.ofNullable(config.get(name))));
        bean.keys = new ApiKeyStore();
        bean.audit = new AuditChain();
        return bean;
    }

    private static String key(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return Base64.getEncoder().encodeToString(key);
    }
}
