@ApplicationModule(allowedDependencies = {"template :: api", "template :: ui", "project :: api", "project :: events", "project :: ui",
        "work :: api", "work :: ui", "tenancy :: api", "mail :: api", "notify :: api", "live", "shared"})
package app.cadence.comms;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
