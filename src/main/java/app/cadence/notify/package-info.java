/**
 * Notifications for the whole product (issue C7 item 10; C9 adds preferences, digests and chat):
 * other modules call {@code Notifications.send} inside their own transaction; each recipient gets
 * an in-app notice (the header's bell, the Notifications page, live) and an email through the
 * outbox. A person only ever sees their own notices in the current tenant.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"tenancy :: api", "mail :: api", "audit :: api", "live", "shared"})
package app.cadence.notify;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
