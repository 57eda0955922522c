package app.cadence.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The frame of the pages people reach before or outside an organisation: sign-up, invitations. */
public abstract class PublicPage extends VerticalLayout {

    protected final Div card = new Div();

    protected PublicPage() {
        addClassNames("login-view", "public-page");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        H1 brand = new H1("Cadence");
        brand.addClassName("login-brand");
        card.addClassName("public-card");
        add(brand, card);
    }

    /** Replaces the card's content. */
    protected void show(Component... content) {
        card.removeAll();
        card.add(content);
    }

    protected static Paragraph text(String text) {
        return new Paragraph(text);
    }

    /** The card's buttons, in a row that wraps on a narrow screen. */
    protected static Div actions(Component... buttons) {
        Div actions = new Div(buttons);
        actions.addClassName("public-actions");
        return actions;
    }
}
