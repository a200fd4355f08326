package io.reactivepay.accounts.boundary;

import io.reactivepay.accounts.api.AuditLog;
import io.reactivepay.accounts.api.CustomerTokens;
import io.reactivepay.accounts.api.Limits;
import io.reactivepay.accounts.api.Merchants;
import io.reactivepay.accounts.api.Profiles;
import io.reactivepay.accounts.control.ApiKeyStore;
import io.reactivepay.accounts.control.AuditChain;
import io.reactivepay.accounts.control.MerchantStore;
import io.reactivepay.accounts.control.ProfileStore;
import io.reactivepay.accounts.control.TokenSigner;
import io.reactivepay.accounts.control.Verifications;
import io.reactivepay.platform.crypto.DataKeys;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** The real accounts beans wired by hand, for the payments module's tests on TestDatabase. */
public final class AccountsBeans {

    public final Merchants merchants;
    public final Profiles profiles;
    public final CustomerTokens tokens;
    public final Limits limits;
    public final AuditLog audit;

    public AccountsBeans(DataSource dataSource) throws Exception {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        Map<String, String> config = Map.of(DataKeys.DATA_KEYS, "1:" + key, DataKeys.ACTIVE_KEY_ID, "1",
                DataKeys.BLIND_INDEX_KEY, Base64.getEncoder().encodeToString(filled(7)));
        DataKeys keys = DataKeys.from(name -> Optional.ofNullable(config.get(name)));
        MerchantsBean merchantsBean = new MerchantsBean();
        merchantsBean.dataSource = dataSource;
        merchantsBean.merchants = new MerchantStore(keys);
        merchantsBean.keys = new ApiKeyStore();
        merchantsBean.audit = new AuditChain();
        ProfilesBean profilesBean = new ProfilesBean();
        profilesBean.dataSource = dataSource;
        profilesBean.profiles = new ProfileStore(keys);
        profilesBean.verifications = new Verifications(keys);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        CustomerTokensBean tokensBean = new CustomerTokensBean();
        tokensBean.dataSource = dataSource;
        tokensBean.profiles = new ProfileStore(keys);
        tokensBean.signer = new TokenSigner(generator.generateKeyPair().getPrivate(), "reactivepay", Duration.ofMinutes(15));
        LimitsBean limitsBean = new LimitsBean();
        limitsBean.dataSource = dataSource;
        AuditLogBean auditBean = new AuditLogBean();
        auditBean.dataSource = dataSource;
        auditBean.chain = new AuditChain();
        this.merchants = merchantsBean;
        this.profiles = profilesBean;
        this.tokens = tokensBean;
        this.limits = limitsBean;
        this.audit = auditBean;
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
