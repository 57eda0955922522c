package app.cadence.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The side navigation's markup: what the browser turns into Vaadin's side navigation items. */
class SideNavigationTest {

    @Test
    void eachEntryIsAnItemThatOpensItsRouteWithItsIconAndStaysCurrentOnTheRoutesBelowIt() {
        SideNavigation nav = new SideNavigation();
        nav.show(List.of(new SideNavigation.Entry("Portfolio", "/portfolio", "vaadin:dashboard"),
                new SideNavigation.Entry("My work", "my-work", null)));

        Document markup = Jsoup.parseBodyFragment(nav.getElement().getProperty("innerHTML"));
        List<Element> items = markup.select("vaadin-side-nav-item");
        assertThat(items).extracting(Element::text).containsExactly("Portfolio", "My work");
        assertThat(items).extracting(i -> i.attr("path")).as("relative to the page's base, as SideNavItem writes it")
                .containsExactly("portfolio", "my-work");
        assertThat(items).allMatch(i -> i.hasAttr("match-nested"));
        assertThat(items.get(0).select("vaadin-icon[slot=prefix]").attr("icon")).isEqualTo("vaadin:dashboard");
        assertThat(items.get(1).select("vaadin-icon")).isEmpty();
        assertThat(nav.labels()).containsExactly("Portfolio", "My work");
        assertThat(nav.getElement().getAttribute("aria-label")).isEqualTo("Main navigation");
    }

    @Test
    void labelsAndPathsAreEscaped() {
        SideNavigation nav = new SideNavigation();
        nav.show(List.of(new SideNavigation.Entry("<img src=x onerror=alert(1)>", "a\"b", null)));

        Document markup = Jsoup.parseBodyFragment(nav.getElement().getProperty("innerHTML"));
        assertThat(markup.select("img")).isEmpty();
        assertThat(markup.select("vaadin-side-nav-item").text()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(markup.select("vaadin-side-nav-item").attr("path")).isEqualTo("a\"b");
    }

    @Test
    void showingOtherEntriesReplacesTheItems() {
        SideNavigation nav = new SideNavigation();
        nav.show(List.of(new SideNavigation.Entry("Portfolio", "portfolio", null)));
        nav.show(List.of(new SideNavigation.Entry("Organisations", "operator/tenants", null)));

        assertThat(Jsoup.parseBodyFragment(nav.getElement().getProperty("innerHTML")).select("vaadin-side-nav-item"))
                .extracting(Element::text).containsExactly("Organisations");
    }
}
