package io.reactivepay.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The launcher's tuning of a new domain, on the shape of Payara 6's domain template: server-config has no
 * ejb-container of its own (default-config has one), so sizing the first ejb-container found would
 * size default-config's, which the running server never reads.
 */
class PayaraServerTest {

    private static final String NEW_DOMAIN = """
            <domain>
              <configs>
                <config name="server-config">
                  <http-service></http-service>
                  <java-config><jvm-options>-Xmx512m</jvm-options></java-config>
                  <availability-service><ejb-container-availability sfsb-store-pool-name="jdbc/hastore" /></availability-service>
                  <thread-pools><thread-pool name="http-thread-pool" max-queue-size="4096"></thread-pool></thread-pools>
                </config>
                <config name="default-config" dynamic-reconfiguration-enabled="true">
                  <ejb-container session-store="${com.sun.aas.instanceRoot}/session-store"><ejb-timer-service /></ejb-container>
                  <java-config><jvm-options>-Xmx512m</jvm-options></java-config>
                  <thread-pools><thread-pool name="http-thread-pool" /></thread-pools>
                </config>
              </configs>
            </domain>""";

    @Test
    void theServersOwnConfigGetsTheHeapTheRequestThreadsAndTheBeanPool() {
        String tuned = PayaraServer.tuned(NEW_DOMAIN, "1g");
        String server = tuned.substring(tuned.indexOf("<config name=\"server-config\">"), tuned.indexOf("</config>"));
        String defaults = tuned.substring(tuned.indexOf("<config name=\"default-config\""));

        assertTrue(server.contains("<ejb-container steady-pool-size=\"8\" pool-resize-quantity=\"8\" max-pool-size=\""
                + PayaraServer.HTTP_THREADS + "\">"), server);
        assertTrue(server.contains("<thread-pool name=\"http-thread-pool\" min-thread-pool-size=\"8\" max-thread-pool-size=\""
                + PayaraServer.HTTP_THREADS + "\""), server);
        assertTrue(server.contains("<jvm-options>-Xmx1g</jvm-options><jvm-options>-Xms1g</jvm-options>"), server);
        assertTrue(defaults.contains("<ejb-container session-store="), "default-config's bean pool is left as it was");
        assertEquals(1, count(server, "<ejb-container "), "one ejb-container in server-config");
    }

    @Test
    void aDomainThatIsNotTheExpectedOneIsRefusedRatherThanTunedWrongly() {
        String alreadyThere = NEW_DOMAIN.replace("<http-service></http-service>",
                "<ejb-container></ejb-container><http-service></http-service>");
        assertThrows(IllegalStateException.class, () -> PayaraServer.tuned(alreadyThere, "1g"));
        assertThrows(IllegalStateException.class, () -> PayaraServer.tuned(NEW_DOMAIN.replace("-Xmx512m", "-Xmx2g"), "1g"));
        assertThrows(IllegalArgumentException.class, () -> PayaraServer.tuned(NEW_DOMAIN, "lots"));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
