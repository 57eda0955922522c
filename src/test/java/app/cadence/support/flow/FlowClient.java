package app.cadence.support.flow;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser, as far as a Vaadin Flow server can tell: its own cookie jar (so one HTTP session),
 * the real login form, and Flow's client protocol over plain HTTP and a WebSocket
 * ({@code java.net.http} only, no browser, no JavaScript). Opening a route gives a {@link FlowUi}
 * — one browser tab — that mirrors the UI's state tree, receives pushed changes and fires events.
 *
 * <pre>{@code
 * FlowClient browser = new FlowClient(URI.create("http://127.0.0.1:8080/"));
 * browser.signIn("pmo@acme.example", "cadence-demo");
 * try (FlowUi tab = browser.open("instances/42")) {
 *     StateNode save = tab.await("the Save button", t -> t.find(tag("vaadin-button").and(text("Save"))));
 *     tab.click(save);
 * }
 * }</pre>
 *
 * <p>Sign-ins from one address are throttled by Cadence: sign many clients in one after another.
 */
public final class FlowClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern LOGIN_TOKEN = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    /** @param base the application's root address, ending in {@code /} */
    public FlowClient(URI base) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public URI base() {
        return base;
    }

    /**
     * Signs in through the login form as a browser does: the login page starts a session and
     * carries the form's CSRF token, the form posts it back same-origin, the answer redirects into
     * the application.
     *
     * @throws IllegalStateException when the server sends the browser back to the login page
     *                               (wrong password, or throttled)
     */
    public void signIn(String email, String password) {
        String page = get("login").body();
        Matcher token = LOGIN_TOKEN.matcher(page);
        if (!token.find()) {
            throw new IllegalStateException("No CSRF token on the login page");
        }
        String form = "username=" + encode(email) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(base.resolve("login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Sec-Fetch-Site", "same-origin")
                .header("Origin", origin()).POST(HttpRequest.BodyPublishers.ofString(form)));
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("/login")) {
            throw new IllegalStateException("Sign-in of " + email + " refused: " + answer.statusCode() + " → " + location);
        }
    }

    /**
     * Opens a route in a new tab: the page itself (as the address bar would ask for it), Flow's
     * {@code ?v-r=init} request that creates the UI and carries its id, CSRF key and push id, then
     * the navigation event the client sends to render the route. The push connection is not
     * opened yet: see {@link FlowUi#openPush()}.
     *
     * @param route the route without a leading slash, e.g. {@code portfolio} or {@code instances/7}
     */
    public FlowUi open(String route) {
        String path = route.startsWith("/") ? route.substring(1) : route;
        String location = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String query = path.contains("?") ? path.substring(path.indexOf('?') + 1) : "";
        HttpResponse<String> page = get(path);
        if (page.statusCode() != 200) {
            throw new IllegalStateException("GET /" + path + " answered " + page.statusCode() + " "
                    + page.headers().firstValue("Location").orElse(""));
        }
        HttpResponse<String> init = get("?v-r=init&location=" + encode(location) + "&query=" + encode(query));
        FlowUi ui = FlowUi.fromInit(this, Uidl.JSON.readTree(init.body()));
        ui.navigate(location, query);
        return ui;
    }

    HttpClient http() {
        return http;
    }

    String origin() {
        return base.getScheme() + "://" + base.getAuthority();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
