package app.cadence.project.service;

import app.cadence.project.domain.Health;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** A project's health as shown: the computed one, or a hand-set one with who set it and why. */
@NamedInterface("api")
public record HealthView(Health health, String reason, Health computed, String computedReason, boolean overridden,
                         @Nullable String overriddenBy, @Nullable Instant overriddenAt, long projectVersion) {
}
