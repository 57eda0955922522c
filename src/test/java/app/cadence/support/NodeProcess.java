package app.cadence.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Cadence node as production runs it: {@code java -jar target/cadence-0.1.0-SNAPSHOT.jar} in a
 * process of its own, on MariaDB ({@code mysql,mariadb} profiles), in a fresh working directory,
 * its output in {@code logs/<name>.log}. Used by the tests and benchmarks that need the real jar
 * (two nodes behind HAProxy, fan-out of live updates); build it first with
 * {@code bin/mvn -Pproduction -DskipTests package}.
 *
 * <pre>{@code
 * try (NodeProcess node = NodeProcess.on(database, logs, "node-a").demoData(true).start()) {
 *     node.awaitReady(Duration.ofSeconds(150));
 *     … http://127.0.0.1:node.port()/ …
 * }
 * }</pre>
 */
public final class NodeProcess implements AutoCloseable {

    public static final Path JAR = Path.of("target", "cadence-0.1.0-SNAPSHOT.jar");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;
    private final Path workDir;

    private NodeProcess(String name, int port, Path log, Process process, Path workDir) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
        this.workDir = workDir;
    }

    /** A node on the given scratch database, logging to {@code logs/<name>.log}; configure, then {@link Builder#start()}. */
    public static Builder on(ScratchDatabase database, Path logs, String name) {
        return new Builder(database, logs, name);
    }

    /**
     * A node on the embedded default, as a first-time user starts it: no database profile, the H2
     * file database under {@code ./data} of a fresh working directory. The file is opened with
     * {@code AUTO_SERVER=TRUE}, so that the test can connect to it ({@link #embeddedJdbcUrl()})
     * while the node holds it: the node still opens it in-process, other processes connect
     * through the small TCP server H2 starts for them.
     */
    public static Builder embedded(Path logs, String name) {
        return new Builder(null, logs, name).argument("--spring.datasource.url=jdbc:h2:file:./data/cadence;AUTO_SERVER=TRUE");
    }

    /** The address of an {@link #embedded} node's database for the test (user {@code sa}, no password). */
    public String embeddedJdbcUrl() {
        return "jdbc:h2:file:" + workDir.resolve("data").resolve("cadence").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    }

    /** The node's working directory (a fresh one per start). */
    public Path workDir() {
        return workDir;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the node answers its readiness probe; fails with the log's name if it exits or takes too long. */
    public NodeProcess awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (status(uri().resolve("actuator/health/readiness").toString(), null) == 200) {
                return this;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(name + " not ready after " + timeout + "; see " + log);
    }

    /** Stops the node as an orchestrator would (SIGTERM), and kills it if it has not stopped in 15 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The status of a GET (-1 when nothing answers), collecting {@code Set-Cookie} headers if asked. */
    public static int status(String url, List<String> setCookies) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (setCookies != null) {
                setCookies.addAll(response.headers().allValues("set-cookie"));
            }
            return response.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A fresh outbox sealing key (CADENCE_MAIL_SECRET_KEY): every node of one cluster must get the same. */
    public static String newMailKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** How the node is started: environment, arguments, heap. */
    public static final class Builder {

        private final @org.jspecify.annotations.Nullable ScratchDatabase database;
        private final Path logs;
        private final String name;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> arguments = new ArrayList<>();
        private int port;
        private String maxHeap = "512m";

        private Builder(@org.jspecify.annotations.Nullable ScratchDatabase database, Path logs, String name) {
            this.database = database;
            this.logs = logs;
            this.name = name;
        }

        /** The port to listen on (default: a free one). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Seed the demo organisations (only the first node of a cluster should). */
        public Builder demoData(boolean seed) {
            return env("CADENCE_DEMO_DATA", String.valueOf(seed));
        }

        /** Live updates between nodes through Redis, on a channel of this run's own. */
        public Builder redis(String url, String channel) {
            return env("CADENCE_REDIS_URL", url).env("CADENCE_REDIS_CHANNEL", channel);
        }

        public Builder mailKey(String key) {
            return env("CADENCE_MAIL_SECRET_KEY", key);
        }

        public Builder env(String variable, String value) {
            env.put(variable, value);
            return this;
        }

        /** Spring Boot command-line arguments, e.g. {@code --cadence.mail.poll-interval=PT1S}. */
        public Builder argument(String argument) {
            arguments.add(argument);
            return this;
        }

        public Builder maxHeap(String maxHeap) {
            this.maxHeap = maxHeap;
            return this;
        }

        public NodeProcess start() throws IOException {
            if (!Files.isRegularFile(JAR)) {
                throw new IllegalStateException("The production jar " + JAR + " is missing: build it first with bin/mvn -Pproduction -DskipTests package");
            }
            Files.createDirectories(logs);
            int listenOn = port == 0 ? freePort() : port;
            Path workDir = Files.createTempDirectory("cadence-" + name + "-");
            Path log = logs.resolve(name + ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-Xmx" + maxHeap, "-jar", JAR.toAbsolutePath().toString()));
            command.addAll(arguments);
            ProcessBuilder node = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> environment = node.environment();
            if (database == null) {
                // The embedded default: nothing inherited from a shell set up for MariaDB may change it.
                environment.remove("SPRING_PROFILES_ACTIVE");
                environment.remove("SPRING_DATASOURCE_URL");
            } else {
                environment.putAll(Map.of(
                        "SPRING_PROFILES_ACTIVE", "mysql,mariadb",
                        "CADENCE_DB_URL", database.url(),
                        "CADENCE_DB_USER", database.user(),
                        "CADENCE_DB_PASSWORD", database.password()));
            }
            environment.putAll(Map.of(
                    "CADENCE_MAIL_SECRET_KEY", newMailKey(),
                    "CADENCE_DEMO_DATA", "false",
                    "PORT", String.valueOf(listenOn)));
            environment.putAll(env);
            return new NodeProcess(name, listenOn, log, node.start(), workDir);
        }
    }
}
