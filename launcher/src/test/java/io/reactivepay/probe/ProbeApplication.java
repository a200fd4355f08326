package io.reactivepay.probe;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * A web module that the integration tests add to the real EAR (never shipped) so they can drive the
 * ejb modules' local interfaces inside the server, with real JTA transactions, over HTTP.
 */
@ApplicationPath("/")
public class ProbeApplication extends Application {
}
