package io.reactivepay.console.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Form sign-in on the JSF page {@code /login.xhtml} (the page calls {@code SecurityContext.authenticate}
 * itself, so it can explain a refusal); {@code /staff/*} needs any staff role, {@code /admin/*} the
 * administrator (web.xml), and each role is the group of the same name (glassfish-web.xml).
 */
@ApplicationScoped
@CustomFormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(loginPage = "/login.xhtml",
        errorPage = "", useForwardToLogin = false))
@DeclareRoles({ConsoleSecurity.MERCHANT_USER, ConsoleSecurity.CLIENT_SERVICE_MANAGER, ConsoleSecurity.RISK_MANAGER,
        ConsoleSecurity.ADMINISTRATOR})
public class ConsoleSecurity {

    public static final String MERCHANT_USER = "MERCHANT_USER";
    public static final String CLIENT_SERVICE_MANAGER = "CLIENT_SERVICE_MANAGER";
    public static final String RISK_MANAGER = "RISK_MANAGER";
    public static final String ADMINISTRATOR = "ADMINISTRATOR";
}
