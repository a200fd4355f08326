package io.reactivepay.accounts.boundary;

import io.reactivepay.accounts.control.ProfileStore;
import io.reactivepay.accounts.control.Verifications;
import io.reactivepay.embedded.TestDatabase;
import io.reactivepay.platform.crypto.DataKeys;
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

    static String newPhone() {
        return "+49151" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
    }

    static String newEmail(String name) {
        return name + "." + ThreadLocalRandom.current().nextInt(1_000_000) + "@example.com";
    }
}
