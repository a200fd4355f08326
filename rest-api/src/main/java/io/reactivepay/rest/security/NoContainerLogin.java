package io.reactivepay.rest.security;

import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The merchants' API authenticates its callers itself (API keys and request signatures, in
 * {@link MerchantGate}), so the container logs nobody in here. Jakarta Security would: it finds the
 * EAR-wide MicroProfile JWT mechanism of the wallet API, which refuses every {@code Authorization:
 * Bearer} value that is not a JWT, API keys included, and installs it for this module as a Jakarta
 * Authentication module before any listener runs. This listener takes that module away again through
 * the standard {@link AuthConfigFactory#removeServerAuthModule}: no mechanism is asked about any
 * request of this module. (A mechanism that does nothing would do as well, but the container's bridge
 * to it costs two JNDI lookups and two exceptions created per request: 7 % of the server's CPU at the
 * payment benchmark's peak.)
 */
@WebListener
public class NoContainerLogin implements ServletContextListener {

    private static final System.Logger LOG = System.getLogger(NoContainerLogin.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        AuthConfigFactory.getFactory().removeServerAuthModule(event.getServletContext());
        LOG.log(System.Logger.Level.INFO, "No container login for {0}: the merchant API authenticates its callers itself",
                event.getServletContext().getContextPath());
    }
}
