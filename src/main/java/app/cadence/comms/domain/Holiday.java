package app.cadence.comms.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** A day off for the whole organisation (a public holiday, a company closure day). */
@Entity
@Table(name = "comm_holiday")
public class Holiday extends AbstractEntity {

    public static final int NAME_MAX = 200;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "holiday_on", nullable = false, updatable = false)
    private LocalDate day;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    protected Holiday() {
        this.day = LocalDate.EPOCH;
        this.name = "";
    }

    public Holiday(LocalDate day, String name) {
        String tidy = name.strip();
        if (tidy.isEmpty()) {
            throw new CommsRuleException("name", "Give the holiday a name.");
        }
        this.day = day;
        this.name = tidy.length() > NAME_MAX ? tidy.substring(0, NAME_MAX - 1) + "…" : tidy;
    }

    public LocalDate getDay() {
        return day;
    }

    public String getName() {
        return name;
    }
}
