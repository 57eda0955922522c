/**
 * Email: a persistent outbox that other features fill inside their own transactions, and a
 * dispatcher that sends it through SMTP when one is configured (see docs/email.md).
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"audit :: api", "tenancy :: api", "shared"})
package app.cadence.mail;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
