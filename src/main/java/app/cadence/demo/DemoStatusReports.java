package app.cadence.demo;

import app.cadence.reporting.service.ReportView;
import app.cadence.reporting.service.StatusReports;
import app.cadence.tenancy.service.TenantScope;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import org.springframework.stereotype.Component;

/**
 * Status reports for the demo (issue C9): CRM-03's weekly report, published last Friday at 16:00
 * and the Friday before, so the project page has a history and a health trend, and the next one
 * is due this Friday.
 */
@Component
class DemoStatusReports {

    private final TenantScope scope;
    private final StatusReports reports;

    DemoStatusReports(TenantScope scope, StatusReports reports) {
        this.scope = scope;
        this.reports = reports;
    }

    void weeklyReports(Long tenantId, Long pm, Long projectId, LocalDate today, ZoneId zone) {
        LocalDate lastFriday = lastFriday(today);
        fridayBeforeLast(tenantId, pm, projectId, lastFriday.minusWeeks(1), zone);
        lastFriday(tenantId, pm, projectId, lastFriday, zone);
    }

    static LocalDate lastFriday(LocalDate today) {
        return today.with(TemporalAdjusters.previous(DayOfWeek.FRIDAY));
    }

    void fridayBeforeLast(Long tenantId, Long pm, Long projectId, LocalDate day, ZoneId zone) {
        publish(tenantId, pm, projectId, day, zone, """
                Wave 1 (UK and Ireland) is in **user acceptance testing**. Account and opportunity data from the legacy CRM \
                loaded cleanly on the second attempt; the first load stopped on 1,200 duplicate accounts, now merged.

                - Sales managers' training is booked for both waves.
                - The CPQ integration is a week behind: the vendor's sandbox was late. It does not move the go-live yet.

                **Asks of the steering committee:** none this week.""");
    }

    void lastFriday(Long tenantId, Long pm, Long projectId, LocalDate day, ZoneId zone) {
        publish(tenantId, pm, projectId, day, zone, """
                UAT for wave 1 closed with **no open severity-1 defects**; three severity-2 defects are fixed and retested.
                The wave 1 retrospective agreed to verify each data load before UAT starts and to name a Salesforce \
                champion per region.

                - Cutover rehearsal is planned for next week; the go/no-go is with the change board.
                - The CPQ integration has caught up half of its delay. **Risk:** if the vendor slips again, wave 2 \
                starts without quoting, with a manual work-around.

                **Asks of the steering committee:** confirm the DACH sales director as wave 2 business owner.""");
    }

    private void publish(Long tenantId, Long pm, Long projectId, LocalDate day, ZoneId zone, String narrative) {
        scope.run(pm, tenantId, () -> reports.recordAt(day.atTime(16, 0).atZone(zone).toInstant(), () -> {
            ReportView draft = reports.startDraft(projectId);
            ReportView saved = reports.saveNarrative(draft.id(), narrative, draft.version());
            reports.publish(saved.id(), saved.version());
        }));
    }
}
