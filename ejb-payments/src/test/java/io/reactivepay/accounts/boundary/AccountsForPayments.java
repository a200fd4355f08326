package io.reactivepay.accounts.boundary;

import io.reactivepay.accounts.api.MerchantIntegration;
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

/** The real accounts beans payments calls, wired by hand for the payments module's tests on TestDatabase. */
public final class AccountsForPayments {

    private static final DataKeys KEYS = keys();

    private AccountsForPayments() {
    }

    public static Merchants merchants(DataSource dataSource) {
        MerchantsBean bean = new MerchantsBean();
        bean.dataSource = dataSource;
        bean.merchants = new MerchantStore(KEYS);
        bean.keys = new ApiKeyStore();
        bean.audit = new AuditChain();
        return bean;
    }

    public static MerchantIntegration integration(DataSource dataSource) {
        MerchantIntegrationBean bean = new MerchantIntegrationBean();
        bean.dataSource = dataSource;
        bean.merchants = new MerchantStore(KEYS);
        bean.audit = new AuditChain();
        return bean;
    }

    private static DataKeys keys() {
        Map<String, String> config = Map.of(DataKeys.DATA_KEYS, "1:" + filled(7), DataKeys.BLIND_INDEX_KEY, filled(8));
        return DataKeys.from(name -> Optional.ofNullable(config.get(name)));
    }

    private static String filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return Base64.getEncoder().encodeToString(key);
    }
}
