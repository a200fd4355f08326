package io.reactivepay.accounts.boundary;

import static io.reactivepay.embedded.TestDatabase.inTransaction;

import io.reactivepay.accounts.api.ContactChannel;
import io.reactivepay.accounts.api.CustomerProfile;
import io.reactivepay.accounts.api.StaffUser;
import io.reactivepay.accounts.api.VerificationCode;
import io.reactivepay.accounts.api.WalletSignUp;
import io.reactivepay.accounts.api.Merchant;
import io.reactivepay.accounts.control.ApiKeyStore;
import io.reactivepay.accounts.control.AuditChain;
import io.reactivepay.accounts.control.DocumentStore;
import io.reactivepay.accounts.control.MerchantStore;
import io.reactivepay.accounts.control.PasswordHasher;
import io.reactivepay.accounts.control.ProfileStore;
import io.reactivepay.accounts.control.Verifications;
import io.reactivepay.embedded.TestDatabase;
import io.reactivepay.platform.crypto.DataKeys;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Currency;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The beans wired as the container would, on the test database and the given keys. */
final class AccountsBeans {

    private AccountsBeans() {
    }

    static ProfilesBean profiles(DataKeys keys) throws Exception {
        TestDatabase.start("accounts");
        ProfilesBean bean = new ProfilesBean();
        bean.dataSource = TestDatabase.DATA_SOURCE;
        bean.profiles = new ProfileStore(keys);
        bean.verifications = new Verifications(keys);
        return bean;
    }

    static LimitsBean limits() throws Exception {
        TestDatabase.start("accounts");
        LimitsBean bean = new LimitsBean();
        bean.dataSource = TestDatabase.DATA_SOURCE;
        return bean;
    }

    static DocumentsBean documents(DataKeys keys) throws Exception {
        TestDatabase.start("accounts");
        DocumentsBean bean = new DocumentsBean();
        bean.dataSource = TestDatabase.DATA_SOURCE;
        bean.documents = new DocumentStore(keys);
        bean.audit = new AuditChain();
        return bean;
    }

    static MerchantsBean merchants(DataKeys keys) throws Exception {
        TestDatabase.start("accounts");
        MerchantsBean bean = new MerchantsBean();
        bean.dataSource = TestDatabase.DATA_SOURCE;
        bean.merchants = new MerchantStore(keys);
        bean.keys = new ApiKeyStore();
        bean.audit = new AuditChain();
        return bean;
    }

    static MerchantIntegrationBean integration(DataKeys keys) throws Exception {
        TestDatabase.start("accounts");
        MerchantIntegrationBean bean = new MerchantIntegrationBean();
        bean.dataSource = TestDatabase.DATA_SOURCE;
        bean.merchants = new MerchantStore(keys);
        bean.audit = new AuditChain();
        return bean;
    }

    static Merchant activeMerchant(MerchantsBean merchants) throws Exception {
        Merchant merchant = inTransaction(() -> merchants.register("Shop " + UUID.randomUUID(),
                Currency.getInstance("EUR"), "admin:root"));
        return inTransaction(() -> merchants.changeStatus(merchant.id(), Merchant.Status.ACTIVE, "admin:root"));
    }

    static String auditTrail(String objectType, Object objectId) throws Exception {
        try (Connection connection = TestDatabase.connect(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT string_agg(action || ' by ' || actor, ', ' ORDER BY id) "
                     + "FROM accounts.audit_log WHERE object_type = '" + objectType + "' AND object_id = '" + objectId + "'")) {
            row.next();
            return row.getString(1);
        }
    }

    static SettingsBean settings() throws Exception {
        TestDatabase.start("accounts");
        SettingsBean bean = new SettingsBean();
        bean.dataSource = TestDatabase.DATA_SOURCE;
        bean.audit = new AuditChain();
        return bean;
    }

    static StaffUsersBean staffUsers(DataKeys keys) throws Exception {
        TestDatabase.start("accounts");
        StaffUsersBean bean = new StaffUsersBean();
        bean.dataSource = TestDatabase.DATA_SOURCE;
        bean.hasher = new PasswordHasher();
        bean.audit = new AuditChain();
        bean.keys = keys;
        bean.merchants = new MerchantStore(keys);
        return bean;
    }

    static StaffUser newStaff(StaffUsersBean users, StaffUser.Role role) throws Exception {
        String username = role.name().toLowerCase().replace('_', '.') + "." + ThreadLocalRandom.current().nextInt(1_000_000);
        return inTransaction(() -> users.create(username, "correct horse battery".toCharArray(), role, null, "admin:root"));
    }

    /** A wallet customer with phone and e-mail verified. */
    static CustomerProfile basicCustomer(ProfilesBean profiles) throws Exception {
        CustomerProfile customer = inTransaction(() -> profiles.signUp(new WalletSignUp(newPhone(), newEmail("basic"),
                "Anna Muster", null, null, null)));
        for (ContactChannel channel : ContactChannel.values()) {
            VerificationCode code = inTransaction(() -> profiles.startVerification(customer.id(), channel));
            inTransaction(() -> profiles.verify(customer.id(), channel, code.code()));
        }
        return inTransaction(() -> profiles.find(customer.id())).orElseThrow();
    }

    static String newPhone() {
        return "+49151" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
    }

    static String newEmail(String name) {
        return name + "." + ThreadLocalRandom.current().nextInt(1_000_000) + "@example.com";
    }
}
