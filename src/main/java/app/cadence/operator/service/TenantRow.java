package app.cadence.operator.service;

import app.cadence.tenancy.domain.TenantStatus;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One tenant in the operator console: what it is and how big, nothing of what it contains. */
public record TenantRow(Long id, String name, String slug, TenantStatus status, Instant createdAt,
                        @Nullable Instant suspendedAt, @Nullable String suspendedReason,
                        long members, long projects) {

    public boolean suspended() {
        return status == TenantStatus.SUSPENDED;
    }
}
