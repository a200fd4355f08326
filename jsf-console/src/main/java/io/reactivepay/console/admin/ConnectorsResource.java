package io.reactivepay.console.admin;

import io.reactivepay.connector.api.admin.ConnectorInfo;
import io.reactivepay.payments.api.Connectors;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.TreeMap;

/** The deployed connectors, their settings (secrets are never among them) and circuit state. */
@Path("connectors")
@RequestScoped
public class ConnectorsResource {

    @EJB
    Connectors connectors;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonArray list() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (ConnectorInfo connector : connectors.deployed()) {
            list.add(Json.createObjectBuilder()
                    .add("name", connector.name())
                    .add("capability", connector.capability())
                    .add("circuit", connector.circuit().name())
                    .add("settings", Json.createObjectBuilder(new TreeMap<String, Object>(connector.settings()))));
        }
        return list.build();
    }
}
