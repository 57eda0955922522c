package app.cadence.admin.ui;

import app.cadence.admin.service.OrganisationSettings;
import app.cadence.admin.service.OrganisationSettings.Logo;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;

/**
 * Serves the current organisation's logo to an {@code <img>}. The address is Vaadin's: bound to
 * this session's UI and unguessable, so only a signed-in member who has the page open can fetch
 * it; and the logo is looked up for the session's tenant when the request arrives, never from
 * anything in the address. Sent with the content type its bytes were validated as.
 */
final class LogoDownload implements DownloadHandler {

    /** Long enough to save a request per page, short enough that a replaced logo shows soon elsewhere. */
    static final String CACHE_CONTROL = "private, max-age=3600";

    private final transient OrganisationSettings settings;

    LogoDownload(OrganisationSettings settings) {
        this.settings = settings;
    }

    /**
     * A modal dialog makes the rest of the page inert, and Vaadin then refuses its element
     * requests: the header's logo must still load while, say, a confirmation is open.
     */
    @Override
    public boolean isAllowInert() {
        return true;
    }

    @Override
    public void handleDownloadRequest(DownloadEvent event) throws IOException {
        VaadinResponse response = event.getResponse();
        Optional<Logo> logo;
        try {
            logo = settings.logo();
        } catch (AccessDeniedException noLongerAMember) {
            // Deactivated or suspended since the page was drawn: the logo is the organisation's.
            logo = Optional.empty();
        }
        if (logo.isEmpty()) {
            // Removed since the page was drawn, or no longer the reader's: the browser shows no image.
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] bytes = logo.get().bytes();
        event.setContentType(logo.get().contentType());
        event.setContentLength(bytes.length);
        event.inline();
        // Spring Security adds nosniff to every response already; repeated here because this
        // handler's safety must not depend on a filter someone may reconfigure.
        response.setHeader("X-Content-Type-Options", "nosniff");
        // Replaces Spring Security's no-store: a logo is not sensitive, but it is the tenant's,
        // so shared caches (proxies) must not keep it.
        response.setHeader("Cache-Control", CACHE_CONTROL);
        try (OutputStream out = event.getOutputStream()) {
            out.write(bytes);
        }
    }
}
