package io.reactivepay.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

@ApplicationPath("v1")
@OpenAPIDefinition(
        info = @Info(title = "ReactivePay API", version = "1",
                description = "Payments for merchants and wallets for customers."),
        servers = @Server(url = "/api"))
public class RestApplication extends Application {
}
