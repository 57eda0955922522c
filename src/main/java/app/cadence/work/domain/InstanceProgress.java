package app.cadence.work.domain;

import app.cadence.template.domain.TemplateKind;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** An instance with its item counts, as the project page lists it. */
@org.springframework.modulith.NamedInterface("api")
public record InstanceProgress(Long id, String name, String templateName, int versionNumber, TemplateKind kind,
                               @Nullable Instant anchorAt, @Nullable LocalDate planStart, @Nullable LocalDate planEnd,
                               String timeZone, long items, long done, long notApplicable, long overdue, long blocked) {

    /** Done items as a share of the items that count: not-applicable ones are left out. */
    public double progress() {
        long counted = items - notApplicable;
        return counted == 0 ? 0 : (double) done / counted;
    }
}
