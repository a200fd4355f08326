package io.reactivepay.accounts.boundary;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.accounts.api.CustomerProfile;
import io.reactivepay.accounts.api.CustomerTokens;
import io.reactivepay.accounts.api.IssuedToken;
import io.reactivepay.accounts.control.ProfileStore;
import io.reactivepay.accounts.control.TokenSigner;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

@Stateless
public class CustomerTokensBean implements CustomerTokens {

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Inject
    ProfileStore profiles;

    @Inject
    TokenSigner signer;

    @Override
    public IssuedToken issue(UUID profileId) {
        CustomerProfile profile = Jdbc.with(dataSource, "Reading a profile", connection ->
                profiles.find(connection, profileId, false)).orElseThrow(() ->
                new AccountsException(AccountsException.PROFILE_NOT_FOUND, "No profile " + profileId));
        if (profile.origin() != CustomerProfile.Origin.WALLET) {
            throw new AccountsException(AccountsException.FORBIDDEN, "Only wallet customers log in");
        }
        Instant now = Instant.now();
        return new IssuedToken(signer.sign(profileId, Set.of(CUSTOMER_GROUP), now), signer.expiry(now));
    }

    @Override
    public UUID verify(String token) {
        return signer.verify(token, CUSTOMER_GROUP, Instant.now()).orElseThrow(() ->
                new AccountsException(AccountsException.FORBIDDEN, "Not a valid customer token"));
    }
}
