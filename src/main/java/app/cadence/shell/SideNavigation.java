package app.cadence.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The side navigation as one element: Vaadin's {@code vaadin-side-nav} web component with its
 * items written as markup, not as a {@link SideNavItem} component (and an icon component) per
 * entry. The browser gets the same elements and behaviour — each item's link goes through the
 * router, and the item highlights itself from the location, also when the page changes — but the
 * session keeps one state node instead of about 28 on every page (docs/performance.md, "What a
 * session costs"). The entries change only when the layout is built for an organisation.
 */
@Tag("vaadin-side-nav")
@Uses(SideNav.class)
@Uses(SideNavItem.class)
@Uses(Icon.class)
public final class SideNavigation extends Component {

    /** One entry: its label, the route it opens (as {@code @Route} spells it) and a Vaadin icon name, if any. */
    public record Entry(String title, String path, @Nullable String icon) {
    }

    private List<Entry> entries = List.of();

    SideNavigation() {
        getElement().setAttribute("aria-label", "Main navigation");
    }

    void show(List<Entry> shown) {
        entries = List.copyOf(shown);
        getElement().setProperty("innerHTML", entries.stream().map(SideNavigation::markup).collect(Collectors.joining()));
    }

    /** The entries shown, in their order. */
    public List<Entry> entries() {
        return entries;
    }

    /** The labels shown, in their order. */
    public List<String> labels() {
        return entries.stream().map(Entry::title).toList();
    }

    /** Built with jsoup, which escapes the text and the attribute values. */
    private static String markup(Entry entry) {
        org.jsoup.nodes.Element item = new org.jsoup.nodes.Element("vaadin-side-nav-item")
                // As SideNavItem writes it: relative to the page's base, so a context path is kept.
                .attr("path", entry.path().startsWith("/") ? entry.path().substring(1) : entry.path())
                .attr("match-nested", "");
        if (entry.icon() != null) {
            item.appendElement("vaadin-icon").attr("icon", entry.icon()).attr("slot", "prefix");
        }
        item.appendText(entry.title());
        return item.outerHtml();
    }
}
