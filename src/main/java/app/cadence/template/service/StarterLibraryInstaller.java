package app.cadence.template.service;

import app.cadence.tenancy.events.TenantCreated;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Every organisation opened for its people starts with the starter library. A reaction to the
 * tenancy module's event, after the organisation is committed, so that sign-up and the operator
 * console need not know about templates. The event publication registry records the delivery:
 * if the installation fails or the node stops first, the publication stays incomplete and is
 * delivered again (at the next start, or when resubmitted), never lost.
 *
 * <p>On its own thread ({@code @Async}) and without a transaction of its own, because the
 * installer works through {@code TenantScope}, which opens one transaction per template in the
 * new tenant's scope and refuses to run inside another.
 */
@Component
class StarterLibraryInstaller {

    private final StarterLibrary starters;

    StarterLibraryInstaller(StarterLibrary starters) {
        this.starters = starters;
    }

    @Async
    @TransactionalEventListener
    void on(TenantCreated created) {
        // A publication that was delivered and is delivered again (a restart republishes what was
        // not marked complete) finds the library in place.
        if (!starters.isInstalledIn(created.tenantId())) {
            starters.installInto(created.tenantId());
        }
    }
}
