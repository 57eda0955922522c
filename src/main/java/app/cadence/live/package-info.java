/**
 * Live updates: committed domain events become small tenant-scoped messages that the open screens
 * showing the data follow (in process on one node; the broadcaster is the seam for Redis across
 * nodes). Its API is this package itself: LiveUpdates, LiveScreens, Topic, LiveChange.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"tenancy :: api", "shared"})
package app.cadence.live;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
