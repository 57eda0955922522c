package app.cadence.work.service;

import java.util.Collection;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * What keeps an instance from being upgraded now, asked of the modules that run instances (a
 * cutover run under way, from the cutover module). Declared here and implemented there: those
 * modules depend on this one, never the other way round.
 */
@NamedInterface("api")
public interface UpgradeBlockers {

    /** Of the current tenant's instances given, those that may not be upgraded now, each with why, as a sentence. */
    Map<Long, String> blocking(Collection<Long> instanceIds);
}
