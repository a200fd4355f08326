package io.reactivepay.console.security;

import jakarta.security.enterprise.credential.Credential;

/**
 * What a staff member types to sign in: username, password and, for a second factor, the current code
 * (null when none was given); {@code source} is the address the attempt came from, for the audit log.
 */
public record StaffCredential(String username, char[] password, String code, String source) implements Credential {

    @Override
    public void clear() {
        java.util.Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
        return "StaffCredential[" + username + "]";
    }
}
