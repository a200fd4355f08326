package io.reactivepay.accounts.boundary;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.accounts.api.ContactChannel;
import io.reactivepay.accounts.api.CustomerProfile;
import io.reactivepay.accounts.api.Profiles;
import io.reactivepay.accounts.api.VerificationCode;
import io.reactivepay.accounts.api.VerificationResult;
import io.reactivepay.accounts.api.WalletSignUp;
import io.reactivepay.accounts.control.PersonalData;
import io.reactivepay.accounts.control.ProfileStore;
import io.reactivepay.accounts.control.Verifications;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

@Stateless
public class ProfilesBean implements Profiles {

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Inject
    ProfileStore profiles;

    @Inject
    Verifications verifications;

    @Override
    public CustomerProfile payer(String email, String phone, String name) {
        ProfileStore.Values values = new ProfileStore.Values(PersonalData.email(email), PersonalData.phone(phone),
                PersonalData.text(name, 200, "The name"), null, null, null);
        if (values.email() == null && values.phone() == null) {
            throw new AccountsException(AccountsException.INVALID_PERSONAL_DATA, "A payer needs an e-mail address or a phone");
        }
        return Jdbc.with(dataSource, "Finding or creating a payer's profile", connection -> {
            Optional<CustomerProfile> known = byContact(connection, values);
            if (known.isPresent()) {
                return known.get();
            }
            // a concurrent first payment of the same payer may insert first: then it is found
            Optional<UUID> created = profiles.insert(connection, CustomerProfile.Origin.PAYMENT, values);
            return created.isPresent() ? profiles.find(connection, created.get(), false).orElseThrow()
                    : byContact(connection, values).orElseThrow();
        });
    }

    @Override
    public CustomerProfile signUp(WalletSignUp signUp) {
        if (signUp == null || signUp.phone() == null) {
            throw new AccountsException(AccountsException.INVALID_PERSONAL_DATA, "A wallet needs a phone number");
        }
        ProfileStore.Values values = new ProfileStore.Values(PersonalData.email(signUp.email()),
                PersonalData.phone(signUp.phone()), PersonalData.text(signUp.name(), 200, "The name"),
                PersonalData.birthDate(signUp.birthDate()), PersonalData.text(signUp.address(), 500, "The address"),
                PersonalData.country(signUp.country()));
        return Jdbc.with(dataSource, "Signing a customer up", connection -> {
            Optional<CustomerProfile> byPhone = profiles.findBy(connection, "phone", values.phone(), true);
            Optional<CustomerProfile> byEmail = profiles.findBy(connection, "email", values.email(), true);
            if (byPhone.isPresent() && byEmail.isPresent() && !byPhone.get().id().equals(byEmail.get().id())) {
                throw new AccountsException(AccountsException.PROFILE_EXISTS,
                        "The phone and the e-mail address belong to different customers");
            }
            Optional<CustomerProfile> existing = byPhone.or(() -> byEmail);
            if (existing.isEmpty()) {
                UUID id = profiles.insert(connection, CustomerProfile.Origin.WALLET, values).orElseThrow(() ->
                        new AccountsException(AccountsException.PROFILE_EXISTS, "The customer signed up meanwhile"));
                return profiles.find(connection, id, false).orElseThrow();
            }
            if (existing.get().origin() == CustomerProfile.Origin.WALLET) {
                throw new AccountsException(AccountsException.PROFILE_EXISTS, "A wallet with this phone or e-mail exists");
            }
            profiles.becomeWallet(connection, existing.get().id(), values);
            return profiles.find(connection, existing.get().id(), false).orElseThrow();
        });
    }

    @Override
    public Optional<CustomerProfile> find(UUID profileId) {
        return Jdbc.with(dataSource, "Reading a profile", connection -> profiles.find(connection, profileId, false));
    }

    @Override
    public Optional<CustomerProfile> findByEmail(String email) {
        String normalised = PersonalData.email(email);
        return Jdbc.with(dataSource, "Finding a profile", connection -> profiles.findBy(connection, "email", normalised, false));
    }

    @Override
    public Optional<CustomerProfile> findByPhone(String phone) {
        String normalised = PersonalData.phone(phone);
        return Jdbc.with(dataSource, "Finding a profile", connection -> profiles.findBy(connection, "phone", normalised, false));
    }

    @Override
    public VerificationCode startVerification(UUID profileId, ContactChannel channel) {
        return Jdbc.with(dataSource, "Starting a verification", connection -> {
            CustomerProfile profile = profiles.find(connection, profileId, true).orElseThrow(() ->
                    new AccountsException(AccountsException.PROFILE_NOT_FOUND, "No profile " + profileId));
            String destination = (channel == ContactChannel.EMAIL ? profile.email() : profile.phone()).orElseThrow(() ->
                    new AccountsException(AccountsException.INVALID_PERSONAL_DATA, "The profile has no " + channel));
            Verifications.Issued issued = verifications.issue(connection, profileId, channel);
            return new VerificationCode(profileId, channel, destination, issued.code(), issued.expiresAt());
        });
    }

    @Override
    public VerificationResult verify(UUID profileId, ContactChannel channel, String code) {
        return Jdbc.with(dataSource, "Checking a verification code",
                connection -> verifications.check(connection, profileId, channel, code));
    }

    private Optional<CustomerProfile> byContact(Connection connection, ProfileStore.Values values) throws SQLException {
        Optional<CustomerProfile> byEmail = profiles.findBy(connection, "email", values.email(), true);
        return byEmail.isPresent() ? byEmail : profiles.findBy(connection, "phone", values.phone(), true);
    }
}
