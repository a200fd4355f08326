package io.reactivepay.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Refuses to start on a taken port, instead of silently talking to whatever already listens there. */
final class Ports {

    private Ports() {
    }

    static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " for " + what + " is already in use. Stop whatever "
                    + "listens there (is ReactivePay already running?) or choose other ports: see README, "
                    + "'Configuration of the launcher'.", e);
        }
    }
}
