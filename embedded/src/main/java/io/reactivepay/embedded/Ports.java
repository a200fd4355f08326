package io.reactivepay.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Refuses to start on a taken port, instead of silently talking to whatever already listens there. */
public final class Ports {

    private Ports() {
    }

    public static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            // Like the servers themselves, accept a port whose previous connections are still in TIME_WAIT.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " for " + what + " is already in use on 127.0.0.1. "
                    + "Stop whatever listens there (is ReactivePay already running?) or choose other ports "
                    + "(README, 'Configuration of the launcher').", e);
        }
    }
}
