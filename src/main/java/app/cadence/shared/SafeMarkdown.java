package app.cadence.shared;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Markdown that people typed (messages, narratives) turned into HTML that is safe to show and to
 * email: raw HTML in the source is escaped, not passed through, and the result is cleaned against
 * an allow-list (text formatting, lists, links with http/https/mailto only, tables) so that no
 * script, event handler, style or unsafe link survives whatever the parser produced.
 */
public final class SafeMarkdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final Safelist ALLOWED = Safelist.relaxed()
            .removeTags("img")
            .addAttributes("a", "rel")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow noopener");

    private SafeMarkdown() {
    }

    /** The Markdown as clean HTML (a fragment: no html/body). */
    public static String toHtml(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown));
        return Jsoup.clean(html, ALLOWED);
    }
}
