package io.reactivepay.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/**
 * The public API. Wallet customers authenticate with the RS256 JWTs that ejb-accounts issues, verified
 * by Payara's MicroProfile JWT ({@code mp.jwt.verify.*}); resources for customers are
 * {@code @RolesAllowed("customer")}, everything else decides itself how it authenticates.
 */
@ApplicationScoped // a CDI bean, or Payara's MP-JWT never sees @LoginConfig (payara/Payara#6252)
@ApplicationPath("v1")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles("customer")
@OpenAPIDefinition(
        info = @Info(title = "ReactivePay API", version = "1",
                description = "Payments for merchants and wallets for customers."),
        servers = @Server(url = "/api"))
public class RestApplication extends Application {
}
