package app.cadence.shell;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.support.KaribuTest;
import com.vaadin.flow.component.template.internal.DeprecatedPolymerPublishedEventHandler;
import com.vaadin.flow.di.Lookup;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.spring.security.VaadinRolePrefixHolder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Vaadin's per-request look-ups are answered from memory; every other look-up still goes to Vaadin's. */
class RememberedLookupsTest extends KaribuTest {

    /** Counts the questions that reach Vaadin's lookup. */
    static final class CountingLookup implements Lookup {
        final List<Class<?>> asked = new ArrayList<>();
        private final Object holder = new VaadinRolePrefixHolder("ROLE_");

        @Override
        public <T> T lookup(Class<T> serviceClass) {
            asked.add(serviceClass);
            return serviceClass == VaadinRolePrefixHolder.class ? serviceClass.cast(holder) : null;
        }

        @Override
        public <T> Collection<T> lookupAll(Class<T> serviceClass) {
            asked.add(serviceClass);
            return List.of();
        }
    }

    @Test
    void theTwoPerRequestServicesAreSearchedForOnceAbsentOnesIncluded() {
        CountingLookup vaadins = new CountingLookup();
        Lookup lookup = new RememberedLookups.Remembering(vaadins);

        Object holder = lookup.lookup(VaadinRolePrefixHolder.class);
        for (int i = 0; i < 3; i++) {
            assertThat(lookup.lookup(VaadinRolePrefixHolder.class)).isSameAs(holder);
            assertThat(lookup.lookup(DeprecatedPolymerPublishedEventHandler.class)).isNull();
        }

        assertThat(holder).isNotNull();
        assertThat(vaadins.asked).containsExactly(VaadinRolePrefixHolder.class, DeprecatedPolymerPublishedEventHandler.class);
    }

    @Test
    void otherServicesAreAskedEveryTime() {
        CountingLookup vaadins = new CountingLookup();
        Lookup lookup = new RememberedLookups.Remembering(vaadins);

        lookup.lookup(String.class);
        lookup.lookup(String.class);
        lookup.lookupAll(VaadinRolePrefixHolder.class);

        assertThat(vaadins.asked).containsExactly(String.class, String.class, VaadinRolePrefixHolder.class);
    }

    @Test
    void theRunningApplicationsLookupRemembers() {
        Lookup lookup = VaadinService.getCurrent().getContext().getAttribute(Lookup.class);

        assertThat(lookup).isInstanceOf(RememberedLookups.Remembering.class);
        assertThat(lookup.lookup(VaadinRolePrefixHolder.class)).isSameAs(lookup.lookup(VaadinRolePrefixHolder.class));
        assertThat(lookup.lookup(DeprecatedPolymerPublishedEventHandler.class)).as("no Polymer templates here").isNull();
    }
}
