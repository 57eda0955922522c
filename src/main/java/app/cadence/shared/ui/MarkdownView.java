package app.cadence.shared.ui;

import app.cadence.shared.SafeMarkdown;
import com.vaadin.flow.component.html.Div;

/**
 * Markdown that people typed, shown formatted. The HTML set here is only ever
 * {@link SafeMarkdown#toHtml}'s output — raw HTML in the source escaped, the result cleaned against
 * an allow-list — which is why this one place may set {@code innerHTML} from what people typed;
 * nothing else may. (The side navigation sets its own markup from the views' {@code @Menu}
 * entries, which are the code's, escaped.)
 */
public class MarkdownView extends Div {

    private String markdown = "";

    public MarkdownView() {
        addClassName("markdown");
    }

    public MarkdownView(String markdown) {
        this();
        setMarkdown(markdown);
    }

    public void setMarkdown(String markdown) {
        this.markdown = markdown;
        getElement().setProperty("innerHTML", SafeMarkdown.toHtml(markdown));
    }

    /** The Markdown shown, as typed: what tests and screen readers' alternatives read. */
    public String getMarkdown() {
        return markdown;
    }
}
