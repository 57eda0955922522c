package app.cadence.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.shared.Registration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The broadcaster on its own: channels are per tenant, and every registration can be removed. */
class InProcessLiveUpdatesTest {

    static final Long ACME = 1L;
    static final Long GLOBEX = 2L;

    final InProcessLiveUpdates live = new InProcessLiveUpdates();

    static LiveMessage itemChange(Long tenantId, String... topics) {
        return new LiveMessage(tenantId, Set.of(topics), "item", 7L, Set.of("STATUS"), 3L, "Marcus Webb", Instant.EPOCH, null);
    }

    @Test
    void aMessageReachesTheListenersOfItsOwnTenantOnly() {
        List<LiveMessage> acme = new ArrayList<>();
        List<LiveMessage> globex = new ArrayList<>();
        live.register(new Channel(ACME, Topic.instance(10L)), acme::add);
        // Same topic, same ids, other tenant: the ids of two tenants may look alike, their channels never are.
        live.register(new Channel(GLOBEX, Topic.instance(10L)), globex::add);
        live.register(new Channel(GLOBEX, Topic.PORTFOLIO), globex::add);

        live.publish(itemChange(ACME, Topic.instance(10L), Topic.PORTFOLIO));

        assertThat(acme).hasSize(1);
        assertThat(globex).isEmpty();
    }

    @Test
    void aListenerOnSeveralTopicsOfOneMessageHearsItOnce() {
        List<LiveMessage> heard = new ArrayList<>();
        java.util.function.Consumer<LiveMessage> screen = heard::add;
        live.register(new Channel(ACME, Topic.instance(10L)), screen);
        live.register(new Channel(ACME, Topic.project(5L)), screen);
        List<LiveMessage> other = new ArrayList<>();
        live.register(new Channel(ACME, Topic.project(6L)), other::add);

        live.publish(itemChange(ACME, Topic.instance(10L), Topic.project(5L)));

        assertThat(heard).hasSize(2); // two registrations of the same lambda are two listeners
        assertThat(other).isEmpty();
    }

    @Test
    void removedRegistrationsHearNothingAndLeaveNothingBehind() {
        List<LiveMessage> heard = new ArrayList<>();
        Registration first = live.register(new Channel(ACME, Topic.PORTFOLIO), heard::add);
        Registration second = live.register(new Channel(ACME, Topic.PORTFOLIO), heard::add);
        assertThat(live.registrations()).isEqualTo(2);

        first.remove();
        live.publish(itemChange(ACME, Topic.PORTFOLIO));
        assertThat(heard).hasSize(1);

        second.remove();
        second.remove(); // removing twice is harmless
        live.publish(itemChange(ACME, Topic.PORTFOLIO));
        assertThat(heard).hasSize(1);
        assertThat(live.registrations()).isZero();
    }

    @Test
    void aFailingListenerDoesNotKeepTheOthersFromHearing() {
        List<LiveMessage> heard = new ArrayList<>();
        live.register(new Channel(ACME, Topic.PORTFOLIO), m -> {
            throw new IllegalStateException("broken screen");
        });
        live.register(new Channel(ACME, Topic.PORTFOLIO), heard::add);

        live.publish(itemChange(ACME, Topic.PORTFOLIO));

        assertThat(heard).hasSize(1);
    }
}
