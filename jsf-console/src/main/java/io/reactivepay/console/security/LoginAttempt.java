package io.reactivepay.console.security;

import io.reactivepay.accounts.api.LoginResult;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The accounts module's answer to this request's sign-in attempt. Jakarta Security only says valid or
 * invalid; the page needs to know why (locked, code needed, second factor to set up) to say so.
 */
@RequestScoped
public class LoginAttempt {

    private LoginResult result;

    void record(LoginResult result) {
        this.result = result;
    }

    public Optional<LoginResult> result() {
        return Optional.ofNullable(result);
    }
}
