package io.reactivepay.console.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.credential.Credential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Form sign-in on the JSF page {@code /login.xhtml}: the page calls {@code SecurityContext.authenticate}
 * itself, so it can explain a refusal; {@code /staff/*} needs any staff role, {@code /admin/*} the
 * administrator (web.xml), and each role is the group of the same name (glassfish-web.xml).
 * <p>
 * A class of this web module rather than {@code @CustomFormAuthenticationMechanismDefinition}: the
 * annotation's mechanism is a bean of the whole EAR and collides with the API module's MicroProfile
 * JWT mechanism; this one is seen by the console only, and as a prioritised alternative it is the one
 * the console resolves.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@AutoApplySession
@LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false)
@DeclareRoles({ConsoleSecurity.MERCHANT_USER, ConsoleSecurity.CLIENT_SERVICE_MANAGER, ConsoleSecurity.RISK_MANAGER,
        ConsoleSecurity.ADMINISTRATOR})
public class ConsoleSecurity implements HttpAuthenticationMechanism {

    public static final String MERCHANT_USER = "MERCHANT_USER";
    public static final String CLIENT_SERVICE_MANAGER = "CLIENT_SERVICE_MANAGER";
    public static final String RISK_MANAGER = "RISK_MANAGER";
    public static final String ADMINISTRATOR = "ADMINISTRATOR";

    /** Asked directly: the EAR-wide IdentityStoreHandler may have been built for another web module's stores. */
    @Inject
    StaffIdentityStore staff;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential == null) {
            return context.doNothing();
        }
        return context.notifyContainerAboutLogin(staff.validate(credential));
    }
}
