package io.reactivepay.walletapi;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The wallet API for customers. Customers authenticate with the RS256 JWTs that ejb-accounts issues,
 * verified by Payara's MicroProfile JWT ({@code mp.jwt.verify.*}).
 * <p>
 * A web module of its own, not part of rest-api: Payara's MP-JWT mechanism validates every
 * {@code Authorization: Bearer} value in its web module and answers 401 to anything that is not a valid
 * JWT, even on resources that need no role, so merchants' API keys (sent the same way) cannot share
 * a module with it. rest-api keeps the EAR-wide JWT mechanism out with a pass-through one of its own.
 */
@ApplicationScoped // a CDI bean, or Payara's MP-JWT never sees @LoginConfig (payara/Payara#6252)
@ApplicationPath("v1")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles("customer")
public class WalletApplication extends Application {
}
