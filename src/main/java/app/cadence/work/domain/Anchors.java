package app.cadence.work.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * The dates an instance is planned from, in the tenant's local time: T0 for a cutover and the
 * session start for a retrospective ({@code at}); start, end and go-live for a communication plan.
 */
@NamedInterface("api")
public record Anchors(@Nullable LocalDateTime at, @Nullable LocalDate start, @Nullable LocalDate end,
                      @Nullable LocalDate goLive) {

    public static Anchors at(LocalDateTime at) {
        return new Anchors(at, null, null, null);
    }

    public static Anchors plan(LocalDate start, LocalDate end, @Nullable LocalDate goLive) {
        return new Anchors(null, start, end, goLive);
    }
}
