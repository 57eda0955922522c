package app.cadence.comms.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** An organisation's working weekdays (its holidays are {@link Holiday}s). No row: Monday to Friday. */
@Entity
@Table(name = "comm_calendar")
public class CalendarSettings extends AbstractEntity {

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "working_days", nullable = false, length = 80)
    private String workingDays;

    @Version
    private long version;

    protected CalendarSettings() {
        this.workingDays = "";
    }

    public CalendarSettings(Set<DayOfWeek> days) {
        this.workingDays = encode(days);
    }

    public Set<DayOfWeek> workingDays() {
        return workingDays.isBlank() ? EnumSet.noneOf(DayOfWeek.class)
                : Arrays.stream(workingDays.split(",")).map(DayOfWeek::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
    }

    public void setWorkingDays(Set<DayOfWeek> days) {
        this.workingDays = encode(days);
    }

    public long getVersion() {
        return version;
    }

    private static String encode(Set<DayOfWeek> days) {
        if (days.isEmpty()) {
            throw new CommsRuleException("workingDays", "Choose at least one working day.");
        }
        return days.stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
    }
}
