package io.reactivepay.console.view;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.accounts.api.LoginResult;
import io.reactivepay.accounts.api.Settings;
import io.reactivepay.accounts.api.StaffUsers;
import io.reactivepay.accounts.api.TotpEnrolment;
import io.reactivepay.console.security.LoginAttempt;
import io.reactivepay.console.security.StaffCredential;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The sign-in page: username, password and, for users with a second factor, the current code. Says
 * why a sign-in was refused without saying whether the user exists, and walks an administrator
 * without a second factor through setting one up.
 */
@Named
@ViewScoped
public class LoginView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Inject
    transient SecurityContext securityContext;

    @Inject
    transient LoginAttempt attempt;

    @EJB
    transient StaffUsers staff;

    @EJB
    transient Settings settings;

    private String username;
    private String password;
    private String code;
    private boolean codeAsked;
    private UUID enrolling;
    private TotpEnrolment enrolment;

    public String signIn() {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String typedCode = code == null || code.isBlank() ? null : code.trim();
        StaffCredential credential = new StaffCredential(username, password.toCharArray(), typedCode, request.getRemoteAddr());
        password = null;
        code = null;
        AuthenticationStatus status = securityContext.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().credential(credential).newAuthentication(true));
        if (status == AuthenticationStatus.SEND_CONTINUE) {
            faces.responseComplete();
            return null;
        }
        if (status == AuthenticationStatus.SUCCESS) {
            request.getSession().setMaxInactiveInterval(
                    (int) settings.integer("security.session-idle-minutes", 15) * 60);
            return "/staff/home.xhtml?faces-redirect=true";
        }
        attempt.result().ifPresentOrElse(this::explain, () -> error("Sign-in failed. Try again."));
        return null;
    }

    private void explain(LoginResult result) {
        if (result instanceof LoginResult.Locked locked) {
            error("Too many failed sign-ins. Try again after " + TIME.format(locked.until()) + ".");
        } else if (result instanceof LoginResult.MerchantSuspended) {
            error("Your merchant account is suspended. Please contact ReactivePay support.");
        } else if (result instanceof LoginResult.SecondFactorRequired) {
            codeAsked = true;
            info("Enter your password again with the 6-digit code from your authenticator app.");
        } else if (result instanceof LoginResult.SecondFactorEnrolmentRequired needed) {
            enrolling = needed.user().id();
            enrolment = staff.enrolTotp(enrolling, source());
            info("Administrators need a second factor. Add this key to your authenticator app, then enter the code it shows.");
        } else {
            error("Wrong username, password or code.");
        }
    }

    public String confirmSecondFactor() {
        try {
            staff.confirmTotp(enrolling, code == null ? "" : code.trim(), source());
            enrolling = null;
            enrolment = null;
            codeAsked = true;
            info("Second factor set up. Sign in with your password and the next code.");
        } catch (AccountsException e) {
            error("That code is not right. Enter the code your authenticator app shows now.");
        }
        code = null;
        return null;
    }

    private static String source() {
        return ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest()).getRemoteAddr();
    }

    private static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    private static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public boolean isCodeAsked() {
        return codeAsked;
    }

    public boolean isEnrolling() {
        return enrolment != null;
    }

    /** The key to type into an authenticator app, grouped in fours. */
    public String getEnrolmentSecret() {
        return enrolment == null ? null : enrolment.secret().replaceAll("(.{4})(?!$)", "$1 ");
    }

    public String getEnrolmentUri() {
        return enrolment == null ? null : enrolment.uri();
    }
}
