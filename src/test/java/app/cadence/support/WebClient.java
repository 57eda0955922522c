package app.cadence.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like HTTP client for a test server on localhost: keeps its cookies (one client, one
 * session), does not follow redirects (tests look at them), and signs in through the real login
 * form with the CSRF token from the login page, as the browser does.
 */
public final class WebClient {

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    public WebClient(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> post(String path, HttpRequest.BodyPublisher body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(body);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The login page's CSRF token, bound to this client's session (which the page starts). */
    public String loginPageToken() throws IOException, InterruptedException {
        return firstMatch(get("/login").body(), "name=\"_csrf\" content=\"([^\"]+)\"");
    }

    /** Posts the login form; {@code token} null sends none, extra headers as a browser would add them. */
    public HttpResponse<String> postLogin(String email, String password, String token, String... headers)
            throws IOException, InterruptedException {
        String form = "username=" + encode(email) + "&password=" + encode(password) + (token == null ? "" : "&_csrf=" + encode(token));
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/x-www-form-urlencoded";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return post("/login", HttpRequest.BodyPublishers.ofString(form), all);
    }

    /** Signs in through the login form as a browser does, with the CSRF token from the page. */
    public void signIn(String email, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = postLogin(email, password, loginPageToken(), "Sec-Fetch-Site", "same-origin");
        assertThat(response.statusCode()).as("sign-in answer").isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).as("sign-in redirect").hasValueSatisfying(
                location -> assertThat(location).doesNotContain("/login"));
    }

    /** Whether this client's session is signed in: a page that needs sign-in answers instead of redirecting. */
    public boolean isSignedIn() throws IOException, InterruptedException {
        HttpResponse<String> projects = get("/projects");
        return projects.statusCode() == 200;
    }

    /** Hands this client the session cookie another client (a browser) holds. */
    public void useSession(String sessionId) {
        HttpCookie cookie = new HttpCookie("JSESSIONID", sessionId);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(uri("/"), cookie);
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + (path.startsWith("/") ? path : "/" + path));
    }

    public static String firstMatch(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("%s in the page", regex).isTrue();
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
