package app.cadence.tenancy.service;

import app.cadence.tenancy.domain.Role;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** One membership of a tenant as its administration sees it. */
@NamedInterface("api")
public record MemberRecord(Long userId, String displayName, String email, Role role, boolean active, Instant joinedAt,
                           @Nullable Instant lastActiveAt, @Nullable Instant deactivatedAt) {
}
