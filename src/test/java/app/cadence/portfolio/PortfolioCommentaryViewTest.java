package app.cadence.portfolio;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.shared.ui.MarkdownView;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.tenancy.domain.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PMO commentary on the portfolio page: the PMO writes it with a preview, a viewer reads it. */
class PortfolioCommentaryViewTest extends KaribuTest {

    Member pmo;
    Member viewer;

    @BeforeEach
    void setUp() {
        Tenant tenant = fixtures.tenant("Commentary page");
        pmo = fixtures.member(tenant, Role.PMO);
        viewer = fixtures.member(tenant, Role.VIEWER);
    }

    Div panel() {
        return _get(Div.class, spec -> spec.withClasses("portfolio-commentary"));
    }

    @Test
    void thePmoWritesTheCommentaryAndAViewerReadsIt() {
        login(viewer.authentication());
        navigate("portfolio");
        assertThat(_get(panel(), Span.class, spec -> spec.withClasses("commentary-empty")).getText()).contains("not written");
        assertThat(_find(panel(), Button.class, spec -> spec.withClasses("edit-commentary"))).isEmpty();

        signInAgain(pmo.authentication());
        navigate("portfolio");
        _click(_get(panel(), Button.class, spec -> spec.withClasses("edit-commentary")));
        type(_get(panel(), TextArea.class, spec -> spec.withClasses("commentary-text")), "**CRM** is on track.\n\n- ERP slips a week");
        assertThat(_get(panel(), MarkdownView.class, spec -> spec.withClasses("commentary-preview")).getElement().getProperty("innerHTML"))
                .contains("<strong>CRM</strong>");
        _click(_get(panel(), Button.class, spec -> spec.withClasses("save-commentary")));
        assertThat(_find(panel(), TextArea.class)).isEmpty();
        assertThat(_get(panel(), Span.class, spec -> spec.withClasses("commentary-edited")).getText()).contains(pmo.name());

        signInAgain(viewer.authentication());
        navigate("portfolio");
        assertThat(_get(panel(), MarkdownView.class).getMarkdown()).isEqualTo("**CRM** is on track.\n\n- ERP slips a week");
    }
}
