package io.reactivepay.console.admin;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Administrators' HTTP endpoints, behind the console's sign-in; web.xml lets only ADMINISTRATOR in. */
@ApplicationPath("/admin/api")
public class AdminApi extends Application {
}
