package io.reactivepay.console.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/** Who is signed in, what they may open, and signing out. */
@Named
@RequestScoped
public class SessionView {

    private static final List<String> ROLES = List.of("ADMINISTRATOR", "RISK_MANAGER", "CLIENT_SERVICE_MANAGER", "MERCHANT_USER");

    @Inject
    SecurityContext securityContext;

    public String getName() {
        return securityContext.getCallerPrincipal() == null ? null : securityContext.getCallerPrincipal().getName();
    }

    public String getRole() {
        return ROLES.stream().filter(securityContext::isCallerInRole).findFirst().orElse("none");
    }

    /** The idle timeout of this session, set at sign-in from the setting {@code security.session-idle-minutes}. */
    public int getIdleMinutes() {
        return ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest()).getSession()
                .getMaxInactiveInterval() / 60;
    }

    public boolean isAdministrator() {
        return securityContext.isCallerInRole("ADMINISTRATOR");
    }

    public String signOut() throws ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        return "/login.xhtml?faces-redirect=true";
    }
}
