package app.cadence.shared.ui;

import com.vaadin.flow.component.Component;

/**
 * A part of the account page that another module draws (the calendar feed, from the home module):
 * the account page adds what it is given after its own sections.
 */
public interface AccountPageSection {

    Component create();
}
