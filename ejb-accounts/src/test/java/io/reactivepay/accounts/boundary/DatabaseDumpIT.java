package io.reactivepay.accounts.boundary;

import static io.reactivepay.embedded.TestDatabase.inTransaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.accounts.api.BankAccount;
import io.reactivepay.accounts.api.CustomerProfile;
import io.reactivepay.accounts.api.KycDocument;
import io.reactivepay.accounts.api.LegalData;
import io.reactivepay.accounts.api.Merchant;
import io.reactivepay.accounts.api.NewApiKey;
import io.reactivepay.accounts.api.StaffUser;
import io.reactivepay.accounts.api.TotpEnrolment;
import io.reactivepay.accounts.api.WalletSignUp;
import io.reactivepay.embedded.TestDatabase;
import io.reactivepay.platform.crypto.DataKeys;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * What someone with a copy of the database learns: nothing personal and no secret.
 * <p>
 * Not {@code pg_dump}: the embedded PostgreSQL binaries (zonky) ship without it, and the
 * distribution's pg_dump 15 refuses a version 17 server. So the test makes the two copies an attacker
 * could get: a logical dump ({@code COPY … TO STDOUT} of every table in the schema, which is what
 * pg_dump writes for data) and the cluster's raw files after a {@code CHECKPOINT} (tables, indexes,
 * the write-ahead log, server logs: a stolen disk or file-level backup). Both are searched for the clear
 * values; a value stored in clear on purpose (the merchant's legal name) must be found, so the search
 * itself is shown to work.
 */
class DatabaseDumpIT {

    private static final char[] PASSWORD = "dump test password 0815".toCharArray();

    private static final Map<String, String> SECRETS = new LinkedHashMap<>();
    private static String legalName;

    @BeforeAll
    static void data() throws Exception {
        DataKeys keys = TestKeys.beforeRotation();
        String marker = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);
        String email = "dagobert." + marker + "@example.com";
        String phone = AccountsBeans.newPhone();
        ProfilesBean profiles = AccountsBeans.profiles(keys);
        CustomerProfile customer = inTransaction(() -> profiles.signUp(new WalletSignUp(phone, email,
                "Dagobert Dumptest" + marker, LocalDate.of(1931, 12, 24), "Geldspeicherweg " + marker, "DE")));
        byte[] passport = ("%PDF-1.7 passport DUMPTEST" + marker).getBytes(StandardCharsets.US_ASCII);
        inTransaction(() -> AccountsBeans.documents(keys).upload(customer.id(), KycDocument.Kind.IDENTITY,
                "dagobert-" + marker + ".pdf", passport));

        MerchantsBean merchants = AccountsBeans.merchants(keys);
        Merchant merchant = AccountsBeans.activeMerchant(merchants);
        legalName = "Dump Test Merchant " + marker;
        inTransaction(() -> merchants.updateLegalData(merchant.id(), new LegalData(legalName, null, null, null), "admin:root"));
        String iban = randomIban();
        inTransaction(() -> {
            merchants.updateSettlement(merchant.id(), Currency.getInstance("EUR"), new BankAccount("Dump GmbH", iban, null),
                    "admin:root");
            return null;
        });
        NewApiKey apiKey = inTransaction(() -> merchants.createApiKey(merchant.id(), "dump", "admin:root"));
        String webhookSecret = inTransaction(() -> AccountsBeans.integration(keys).configureWebhook(merchant.id(),
                "https://dump.example/hooks", "admin:root"));

        StaffUsersBean users = AccountsBeans.staffUsers(keys);
        StaffUser admin = inTransaction(() -> users.create("dump." + marker, PASSWORD, StaffUser.Role.ADMINISTRATOR, null,
                "admin:root"));
        TotpEnrolment totp = inTransaction(() -> users.enrolTotp(admin.id(), "127.0.0.1"));

        SECRETS.put("e-mail", email);
        SECRETS.put("phone", phone.substring(1));
        SECRETS.put("name", "Dumptest" + marker);
        SECRETS.put("date of birth", "1931-12-24");
        SECRETS.put("address", "Geldspeicherweg " + marker);
        SECRETS.put("document content", "DUMPTEST" + marker);
        SECRETS.put("document content in base64", Base64.getEncoder().encodeToString(passport).substring(0, 24));
        SECRETS.put("document file name", "dagobert-" + marker);
        SECRETS.put("IBAN", iban);
        SECRETS.put("IBAN account number", iban.substring(12));
        SECRETS.put("API key", apiKey.secret());
        SECRETS.put("API key secret part", apiKey.secret().substring(apiKey.secret().indexOf('_', "rp_".length()) + 1));
        SECRETS.put("webhook secret", webhookSecret.substring("whsec_".length()));
        SECRETS.put("TOTP secret", totp.secret());
        SECRETS.put("password", new String(PASSWORD));
        SECRETS.put("data key 1", TestKeys.KEY_1);
    }

    /** A valid German IBAN with a random account, so that a match can only come from this test's data. */
    private static String randomIban() {
        String bban = "37040044" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
        int check = 98 - new BigInteger(bban + "131400").mod(BigInteger.valueOf(97)).intValue();
        return "DE" + String.format("%02d", check) + bban;
    }

    @Test
    void aLogicalDumpOfEveryTableShowsNoPersonalDataKeysOrSecretsInClear() throws Exception {
        StringWriter dump = new StringWriter();
        try (Connection connection = TestDatabase.connect(); Statement sql = connection.createStatement();
             ResultSet tables = sql.executeQuery("SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) "
                     + "FROM pg_tables WHERE schemaname = 'accounts' ORDER BY tablename")) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            assertTrue(names.size() >= 10, "every table of the schema: " + names);
            for (String table : names) {
                dump.write("-- " + table + "\n");
                connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY " + table + " TO STDOUT", dump);
            }
        }
        assertTrue(dump.toString().contains(legalName), "the search finds what is stored in clear");
        assertNoneIn(dump.toString(), "the logical dump");
    }

    @Test
    void theRawFilesOfTheClusterShowNoPersonalDataKeysOrSecretsInClear() throws Exception {
        Path dataDirectory;
        try (Connection connection = TestDatabase.connect(); Statement sql = connection.createStatement()) {
            sql.execute("CHECKPOINT");
            try (ResultSet row = sql.executeQuery("SHOW data_directory")) {
                row.next();
                dataDirectory = Path.of(row.getString(1));
            }
        }
        // ISO-8859-1 maps every byte to one char, so a byte search is a string search; all values are ASCII
        StringBuilder files = new StringBuilder();
        boolean clearFound = false;
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dataDirectory)) {
            all = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : all) {
            String content;
            try {
                content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                continue; // a file removed meanwhile (a recycled WAL segment, a temporary file)
            }
            clearFound |= content.contains(legalName);
            for (Map.Entry<String, String> secret : SECRETS.entrySet()) {
                if (content.contains(secret.getValue())) {
                    files.append(secret.getKey()).append(" in ").append(dataDirectory.relativize(file)).append('\n');
                }
            }
        }
        assertTrue(clearFound, "the search finds what is stored in clear in " + all.size() + " files");
        assertEquals("", files.toString());
    }

    private static void assertNoneIn(String copy, String where) {
        List<String> found = SECRETS.entrySet().stream().filter(secret -> copy.contains(secret.getValue()))
                .map(Map.Entry::getKey).toList();
        assertEquals(List.of(), found, "in clear in " + where);
    }
}
