package io.reactivepay.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.launcher.EmbeddedSystem;
import io.reactivepay.launcher.LauncherConfig;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The launcher keeps data across restarts and refuses ports it cannot have. */
@ExtendWith(RunningSystem.class)
class LauncherIT {

    @Test
    void whatWasWrittenIsStillThereAfterAStopAndAStart() throws Exception {
        EmbeddedSystem before = RunningSystem.get();
        JsonObject wallet = FoundationIT.openWallet(before, "customer-" + UUID.randomUUID(), "commit");

        EmbeddedSystem after = RunningSystem.restart();

        Http.Reply found = Http.get(after.baseUri().resolve("/probe/wallets/" + wallet.getString("id")));
        assertEquals(200, found.status(), found.body());
        assertEquals(wallet.getString("ledgerAccountId"), found.json().getString("ledgerAccountId"));
        assertEquals(200, Http.get(after.healthUri()).status());
    }

    @Test
    void aTakenPortStopsTheStartWithAClearMessageAndStartsNothing() throws Exception {
        LauncherConfig running = RunningSystem.config();
        LauncherConfig other = new LauncherConfig(Files.createTempDirectory("launcher-it"),
                RunningSystem.POSTGRES_PORT + 1000, RunningSystem.KAFKA_PORT + 1000,
                RunningSystem.PAYARA_PORT_BASE + 1000, running.ear(), running.payload());
        try (ServerSocket squatter = new ServerSocket(other.kafkaPort(), 1, InetAddress.getLoopbackAddress())) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> EmbeddedSystem.start(other));
            assertTrue(refused.getMessage().contains("Port " + other.kafkaPort() + " for Kafka is already in use"),
                    refused.getMessage());
        }
        assertTrue(Files.list(other.dataDir()).findAny().isEmpty(), "nothing was started or written");
    }

    @Test
    void aSecondSystemOnTheSamePortsIsRefused() throws Exception {
        RunningSystem.get();
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> EmbeddedSystem.start(RunningSystem.config()));
        assertTrue(refused.getMessage().contains("Port " + RunningSystem.POSTGRES_PORT + " for PostgreSQL is already in use"),
                refused.getMessage());
    }
}
