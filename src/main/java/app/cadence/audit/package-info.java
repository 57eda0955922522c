/** The audit trail of business changes (who changed what, before and after) and the security log; other modules write to them through AuditTrail and SecurityLog. */
@NullMarked
@ApplicationModule(allowedDependencies = {"tenancy :: api", "shared"})
package app.cadence.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
