package app.cadence.comms.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** A list as the lists page shows it: name, description, how many people it holds. */
@NamedInterface("api")
public record DistributionListRow(Long id, String name, @Nullable String description, long size, long version) {
}
