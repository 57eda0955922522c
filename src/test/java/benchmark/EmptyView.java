package benchmark;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * An empty page: the floor of the session-heap benchmark. Outside the app.cadence package so
 * that neither the app's route scanning nor the UI tests' route discovery ever register it; the
 * benchmark adds it to its own route table.
 */
@Route("benchmark-empty")
@AnonymousAllowed
public class EmptyView extends Div {
}
