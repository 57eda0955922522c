package app.cadence.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} of a test's own, on a free loopback port, as a child process in the
 * foreground: killing it harms no other test or node on the machine's shared Redis, and nothing
 * outlives the test. Stores nothing ({@code --save "" --appendonly no}); its output is appended
 * to {@code <logs>/redis.log}, across restarts.
 *
 * <pre>{@code
 * try (RedisServer redis = RedisServer.start(logs)) {
 *     … redis.url() …
 *     redis.kill();     // as a crash would: the port closes, clients see their connections drop
 *     redis.restart();  // the same port again
 * }
 * }</pre>
 */
public final class RedisServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final int port;
    private final Path log;
    private final Path dir;
    private Process process;

    private RedisServer(int port, Path log, Path dir) {
        this.port = port;
        this.log = log;
        this.dir = dir;
    }

    /** Starts a server on a free port and waits until it answers PING. */
    public static RedisServer start(Path logs) throws IOException, InterruptedException {
        Files.createDirectories(logs);
        RedisServer server = new RedisServer(NodeProcess.freePort(), logs.resolve("redis.log"), Files.createTempDirectory("cadence-redis-"));
        server.restart();
        return server;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the server (again) on its port and waits until it answers PING. */
    public void restart() throws IOException, InterruptedException {
        if (isRunning()) {
            throw new IllegalStateException("redis-server is already running on port " + port);
        }
        process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!answers(port)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited with " + process.exitValue() + " on port " + port + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server does not answer on port " + port + " after " + START_TIMEOUT + "; see " + log);
            }
            Thread.sleep(50);
        }
    }

    /** Kills the server (SIGKILL, as a crash or an OOM killer would) and waits until its port is closed. */
    public void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("redis-server (pid " + process.pid() + ") did not die");
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (accepts(port)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("port " + port + " still accepts connections after redis-server died");
            }
            Thread.sleep(50);
        }
        process = null;
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    /** Whether a Redis server answers PING on the loopback port. */
    public static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[5];
            return in.readNBytes(reply, 0, 5) == 5 && new String(reply, StandardCharsets.US_ASCII).equals("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
