package io.reactivepay.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Payara Server, unpacked from the distribution zip into the data directory and driven with asadmin,
 * exactly as an operator would drive it. The domain is derived state: it is recreated whenever the
 * settings it was made with change, while all business data stays in PostgreSQL.
 */
final class PayaraServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PayaraServer.class.getName());
    static final String DOMAIN = "reactivepay";
    static final String APPLICATION = "reactivepay";
    /** Request threads of the HTTP listener: enough for every caller waiting on a group commit. */
    static final int HTTP_THREADS = 128;

    private final Path install;
    private final int portBase;
    private boolean running;

    private PayaraServer(Path install, int portBase) {
        this.install = install;
        this.portBase = portBase;
    }

    int httpPort() {
        return portBase + 80;
    }

    int adminPort() {
        return portBase + 48;
    }

    /** The ports a domain made with this port base listens on (admin, HTTP, HTTPS, IIOP, JMS, JMX, OSGi). */
    static List<Integer> ports(int portBase) {
        return List.of(portBase + 48, portBase + 80, portBase + 81, portBase + 37, portBase + 38, portBase + 39,
                portBase + 76, portBase + 86, portBase + 66);
    }

    Path serverLog() {
        return domainDir().resolve("logs/server.log");
    }

    /** Unpacks Payara if needed and (re)creates the domain when its fingerprint changed. */
    static PayaraServer prepare(Path root, Path distribution, Path jdbcDriver, int portBase, String heap,
                                String fingerprint) throws IOException, InterruptedException {
        Path install = root.resolve("payara6");
        if (!Files.exists(root.resolve(".unpacked"))) {
            deleteRecursively(install);
            unzip(distribution, root);
            Files.writeString(root.resolve(".unpacked"), distribution.getFileName().toString());
        }
        PayaraServer server = new PayaraServer(install, portBase);
        Path marker = server.domainDir().resolve(".fingerprint");
        String wanted = fingerprint + " portBase=" + portBase + " heap=" + heap + " httpThreads=" + HTTP_THREADS
                + " serverBeanPool=" + HTTP_THREADS;
        if (!Files.exists(marker) || !Files.readString(marker).equals(wanted)) {
            deleteRecursively(server.domainDir());
            server.asadmin("create-domain", "--nopassword=true", "--portbase=" + portBase,
                    "--checkports=false", DOMAIN);
            Files.copy(jdbcDriver, server.domainDir().resolve("lib/postgresql.jar"), StandardCopyOption.REPLACE_EXISTING);
            server.tune(heap);
            Files.writeString(marker, wanted);
        }
        return server;
    }

    /**
     * Sizes the new domain for payments: a fixed heap of that size (e.g. {@code 2g}) in place of the
     * domain's 512 MiB, which group commit, JSON and crypto at a thousand requests a second outgrow (min =
     * max, so the heap never resizes under load), {@link #HTTP_THREADS} request threads and as many
     * instances of each stateless bean.
     */
    private void tune(String heap) throws IOException {
        Path domainXml = domainDir().resolve("config/domain.xml");
        try {
            Files.writeString(domainXml, tuned(Files.readString(domainXml), heap));
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + " in " + domainXml, e);
        }
    }

    /** The new domain's {@code domain.xml} as {@link #tune} leaves it. */
    static String tuned(String xml, String heap) {
        if (!heap.matches("[0-9]+[mg]")) {
            throw new IllegalArgumentException("Not a heap size: '" + heap + "' (e.g. 1024m or 2g)");
        }
        String configured = xml.replace("<jvm-options>-Xmx512m</jvm-options>",
                "<jvm-options>-Xmx" + heap + "</jvm-options><jvm-options>-Xms" + heap + "</jvm-options>");
        if (configured.equals(xml)) {
            throw new IllegalStateException("The new domain has no -Xmx512m to replace");
        }
        // The domain's HTTP pool defaults to 5 threads. A merchant's request waits on its thread for the
        // group commit its payment is in, so five threads capped the API at about a hundred payments a
        // second (measured); the pool only grows to its maximum when requests are waiting.
        String threads = configured.replaceFirst("<thread-pool name=\"http-thread-pool\"",
                "<thread-pool name=\"http-thread-pool\" min-thread-pool-size=\"8\" max-thread-pool-size=\""
                        + HTTP_THREADS + "\"");
        if (threads.equals(configured)) {
            throw new IllegalStateException("The new domain has no default http-thread-pool to size");
        }
        // A stateless bean instance stays taken while its caller waits for a group commit; with the
        // container's default of 32 instances, the 33rd concurrent payment had one created (with its
        // injections, JNDI lookups each) and destroyed again on every call: 6 % of the server's CPU at
        // the payment peak. A new domain's server-config has no ejb-container (the server adds one with
        // defaults when it first needs it, and asadmin set cannot reach it before), so it is written
        // here: as many instances as request threads.
        int serverConfig = threads.indexOf("<config name=\"server-config\">");
        int serverConfigEnd = threads.indexOf("</config>", serverConfig);
        if (serverConfig < 0 || serverConfigEnd < 0
                || threads.substring(serverConfig, serverConfigEnd).matches("(?s).*<ejb-container[\\s>].*")) {
            throw new IllegalStateException("The new domain's server-config is not the one expected (none, or it has an "
                    + "ejb-container already)");
        }
        int at = serverConfig + "<config name=\"server-config\">".length();
        return threads.substring(0, at) + "<ejb-container steady-pool-size=\"8\" pool-resize-quantity=\"8\" "
                + "max-pool-size=\"" + HTTP_THREADS + "\"><ejb-timer-service></ejb-timer-service></ejb-container>"
                + threads.substring(at);
    }

    Path domainDir() {
        return install.resolve("glassfish/domains/" + DOMAIN);
    }

    boolean isConfigured() {
        return Files.exists(domainDir().resolve(".configured"));
    }

    void start() throws IOException, InterruptedException {
        asadmin("start-domain", DOMAIN);
        running = true;
    }

    /**
     * Runs admin commands one by one, each as its own asadmin call, so that a failing command stops the
     * start with its own message (asadmin's multimode would carry on).
     */
    void configure(List<List<String>> commands) throws IOException, InterruptedException {
        for (List<String> command : commands) {
            List<String> arguments = new ArrayList<>();
            arguments.add("--port=" + adminPort());
            arguments.addAll(command);
            asadmin(arguments.toArray(String[]::new));
        }
        Files.writeString(domainDir().resolve(".configured"), commands.toString());
    }

    /** Deploys the EAR unless the very same file is deployed already (the domain keeps it across restarts). */
    void deploy(Path ear, String checksum) throws IOException, InterruptedException {
        Path marker = domainDir().resolve(".deployed");
        if (Files.exists(marker) && Files.readString(marker).equals(checksum)) {
            return;
        }
        asadmin("--port=" + adminPort(), "deploy", "--force=true", "--name=" + APPLICATION, ear.toString());
        Files.writeString(marker, checksum);
    }

    /** Kills the server process with SIGKILL, as losing the machine would; nothing gets to shut down. */
    void kill() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readString(domainDir().resolve("config/pid")).trim());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IOException("Payara is not running"));
        process.destroyForcibly();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("Payara (pid " + pid + ") did not die", e);
        }
        running = false;
    }

    @Override
    public synchronized void close() throws IOException, InterruptedException {
        if (running) {
            running = false;
            asadmin("stop-domain", DOMAIN);
        }
    }

    private void asadmin(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(install.resolve("bin/asadmin").toString());
        command.add("--interactive=false");
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // asadmin and the server it starts run on the same JDK as the launcher
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("asadmin " + arguments[0] + " did not finish within 10 minutes");
        }
        if (process.exitValue() != 0) {
            throw new IOException("asadmin " + String.join(" ", arguments) + " failed (exit " + process.exitValue()
                    + "):\n" + output.strip() + "\nServer log: " + serverLog());
        }
        LOG.log(System.Logger.Level.DEBUG, "asadmin {0}: {1}", arguments[0], output.strip());
    }

    private static void unzip(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("Zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    if (file.getParent().getFileName().toString().equals("bin")) {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
