package io.reactivepay.console.security;

import io.reactivepay.accounts.api.LoginResult;
import io.reactivepay.accounts.api.StaffUsers;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/**
 * The consoles' identity store over the staff users of ejb-accounts: password (PBKDF2), lockout and
 * TOTP are checked there, and every attempt is audited there. The caller's group is its role.
 */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

    @EJB
    StaffUsers staff;

    @Inject
    LoginAttempt attempt;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof StaffCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        LoginResult result = staff.login(login.username(), login.password(), login.code(), login.source());
        attempt.record(result);
        if (result instanceof LoginResult.Success success) {
            return new CredentialValidationResult(success.user().username(), Set.of(success.user().role().name()));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
