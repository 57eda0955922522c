package app.cadence.shell;

import com.vaadin.flow.component.template.internal.DeprecatedPolymerPublishedEventHandler;
import com.vaadin.flow.di.Lookup;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinContext;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.spring.security.VaadinRolePrefixHolder;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Remembers the answers to the two service look-ups Vaadin makes on every click and every
 * navigation, which it would otherwise search the class path for each time.
 *
 * <p>Vaadin's Spring {@link Lookup} asks the application context and then Java's service loader,
 * which opens {@code META-INF/services/…} in each of the ~200 jars of the packaged application;
 * it remembers only Vaadin's own default services. Two look-ups happen per request: decoding an
 * argument of a {@code @ClientCallable} or event-handler call (every grid's range request and
 * confirmation) asks for {@link DeprecatedPolymerPublishedEventHandler} (none here: no Polymer
 * templates), and every navigation's access check asks for {@link VaadinRolePrefixHolder} (one
 * singleton bean). Under the load harness at 250 users the searches were about 6 % of the node's
 * CPU (docs/performance.md, "Remembered look-ups"). Neither answer can change while the
 * application runs: the class path is fixed and the bean is a singleton. Every other look-up goes
 * to Vaadin's as before.
 */
@Component
class RememberedLookups implements VaadinServiceInitListener {

    /** The services whose answers are remembered, absent ones included. */
    static final Set<Class<?>> REMEMBERED = Set.of(DeprecatedPolymerPublishedEventHandler.class, VaadinRolePrefixHolder.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        VaadinContext context = event.getSource().getContext();
        Lookup lookup = context.getAttribute(Lookup.class);
        // VaadinContext.setAttribute refuses to replace the Lookup once set (so that nobody swaps
        // Vaadin's services under it); the wrapper answers every question as Vaadin's does, only
        // from memory for the two above, so it is put in the servlet context's attribute directly.
        if (lookup != null && !(lookup instanceof Remembering) && context instanceof VaadinServletContext servlet) {
            servlet.getContext().setAttribute(Lookup.class.getName(), new Remembering(lookup));
        }
    }

    /** Vaadin's lookup, with the answers for {@link #REMEMBERED} kept after the first question. */
    static final class Remembering implements Lookup {

        private final Lookup vaadins;
        private final Map<Class<?>, Optional<Object>> answers = new ConcurrentHashMap<>();

        Remembering(Lookup vaadins) {
            this.vaadins = vaadins;
        }

        @Override
        public <T> T lookup(Class<T> serviceClass) {
            if (!REMEMBERED.contains(serviceClass)) {
                return vaadins.lookup(serviceClass);
            }
            return serviceClass.cast(answers.computeIfAbsent(serviceClass, type -> Optional.ofNullable(vaadins.lookup(type))).orElse(null));
        }

        @Override
        public <T> Collection<T> lookupAll(Class<T> serviceClass) {
            return vaadins.lookupAll(serviceClass);
        }
    }
}
