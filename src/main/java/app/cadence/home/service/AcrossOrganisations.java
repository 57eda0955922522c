package app.cadence.home.service;

import app.cadence.comms.service.Communications;
import app.cadence.comms.service.Communications.OccurrenceRow;
import app.cadence.cutover.service.RunReading;
import app.cadence.cutover.service.RunReading.ComingRun;
import app.cadence.cutover.service.RunReading.MyRunStep;
import app.cadence.notify.service.NotificationView;
import app.cadence.notify.service.Notifications;
import app.cadence.portfolio.service.PortfolioService;
import app.cadence.project.domain.Health;
import app.cadence.project.service.ProjectService;
import app.cadence.project.service.ProjectService.GoLive;
import app.cadence.retro.service.RetroReading;
import app.cadence.retro.service.RetroReading.MyAction;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.CadenceUser;
import app.cadence.tenancy.service.TenantChoice;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.tenancy.service.TenantSelectionService;
import app.cadence.tenancy.service.TenantSettings;
import app.cadence.work.domain.MyWorkRow;
import app.cadence.work.service.InstanceReading;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * The home page's reading: for each organisation where the signed-in person is an active member,
 * their part, read inside that organisation's tenant scope — entered with the same membership check
 * as the organisation switcher, so that a suspended organisation or a deactivated membership gives
 * nothing — through the services and role rules of inside it. Not transactional on purpose: each
 * organisation's services open their own transactions, bound to that organisation.
 */
@NamedInterface("api")
@Service
public class AcrossOrganisations {

    /** How far ahead go-lives, runs and communications count as coming. */
    public static final Duration COMING = Duration.ofDays(14);
    /** Outstanding items listed per organisation; My work there has the rest. */
    public static final int ITEMS_SHOWN = 200;
    static final int NOTIFICATIONS_SHOWN = 20;

    private final TenantSelectionService selection;
    private final TenantScope scope;
    private final TenantSettings settings;
    private final InstanceReading work;
    private final RunReading runs;
    private final Communications communications;
    private final RetroReading retros;
    private final Notifications notifications;
    private final ProjectService projects;
    private final PortfolioService portfolio;
    private final Clock clock;

    AcrossOrganisations(TenantSelectionService selection, TenantScope scope, TenantSettings settings, InstanceReading work, RunReading runs,
                        Communications communications, RetroReading retros, Notifications notifications, ProjectService projects,
                        PortfolioService portfolio, Clock clock) {
        this.selection = selection;
        this.scope = scope;
        this.settings = settings;
        this.work = work;
        this.runs = runs;
        this.communications = communications;
        this.retros = retros;
        this.notifications = notifications;
        this.projects = projects;
        this.portfolio = portfolio;
        this.clock = clock;
    }

    /** Whether the signed-in person works in two or more organisations: the home page is then their landing page. */
    public boolean worksInSeveral() {
        return selection.choices().size() >= 2;
    }

    /** Each organisation's part, in the order of the organisation switcher. */
    public List<OrganisationPart> parts() {
        CadenceUser me = TenantContext.currentUser().orElseThrow(() -> new IllegalStateException("Nobody is signed in."));
        return partsOf(me.userId(), selection.choices());
    }

    /** The parts of a person's organisations, each read inside it as that person (also without a session: the calendar feed). */
    List<OrganisationPart> partsOf(Long userId, List<TenantChoice> choices) {
        List<OrganisationPart> parts = new ArrayList<>();
        for (TenantChoice choice : choices) {
            try {
                parts.add(scope.call(userId, choice.tenantId(), () -> part(userId, choice)));
            } catch (RecordNotFoundException e) {
                // The membership ended, or the organisation was suspended, since the list was read:
                // it contributes nothing, as it would by then in the switcher.
            }
        }
        return List.copyOf(parts);
    }

    /** Every organisation's rows in one list, soonest first; rows without a date last. */
    public static List<HomeRow> merged(List<OrganisationPart> parts) {
        return parts.stream().flatMap(p -> p.rows().stream())
                .sorted(Comparator.comparing(HomeRow::when, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(HomeRow::organisation).thenComparing(HomeRow::title))
                .toList();
    }

    /** Inside one organisation's scope. */
    private OrganisationPart part(Long me, TenantChoice choice) {
        Long tenantId = choice.tenantId();
        String name = choice.tenantName();
        ZoneId zone = settings.zone();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        boolean director = choice.role() == Role.ADMIN || choice.role() == Role.PMO;
        List<HomeRow> rows = new ArrayList<>();
        Set<Long> myProjects = new HashSet<>();

        List<MyWorkRow> items = work.myWork(0, ITEMS_SHOWN);
        long moreItems = items.size() < ITEMS_SHOWN ? 0 : Math.max(0, work.countMyWork() - items.size());
        for (MyWorkRow item : items) {
            myProjects.add(item.projectId());
            rows.add(new HomeRow(tenantId, name, HomeRowKind.ITEM, item.title(), item.projectKey() + " · " + item.instanceName(), item.dueAt(),
                    false, item.dueAt() != null && item.dueAt().isBefore(now), zone, "instances/" + item.instanceId() + "?item=" + item.itemId()));
        }
        for (MyRunStep step : runs.myRunSteps()) {
            rows.add(new HomeRow(tenantId, name, HomeRowKind.RUN_STEP, step.title(), step.runName() + " · " + step.instanceName() + " · "
                    + step.ownerRole(), step.plannedStart(), false, step.plannedStart().isBefore(now), zone, "runs/" + step.runId()));
        }
        for (OccurrenceRow o : communications.mine(now.plus(COMING))) {
            myProjects.add(o.projectId());
            rows.add(new HomeRow(tenantId, name, HomeRowKind.COMMUNICATION, o.title(), o.projectKey() + " · " + (o.channel() == null ? "Email" : o.channel()),
                    o.dueAt(), false, o.overdue(now), zone, "communications/" + o.id()));
        }
        for (MyAction mine : retros.myActions()) {
            myProjects.add(mine.action().projectId());
            LocalDate due = mine.action().dueOn();
            rows.add(new HomeRow(tenantId, name, HomeRowKind.ACTION, mine.action().title(), mine.projectKey() + " · " + mine.retroName(),
                    due == null ? null : due.atStartOfDay(zone).toInstant(), true, mine.action().overdue(), zone, "retros/" + mine.action().sessionId()));
        }
        for (NotificationView notice : notifications.unread(NOTIFICATIONS_SHOWN)) {
            rows.add(new HomeRow(tenantId, name, HomeRowKind.NOTIFICATION, notice.title(), firstLine(notice.body()),
                    notice.createdAt(), false, false, zone, notice.link() == null ? "notifications" : relative(notice.link())));
        }
        for (GoLive goLive : projects.goLivesBetween(today, today.plusDays(COMING.toDays()))) {
            if (director || me.equals(goLive.pmUserId()) || myProjects.contains(goLive.projectId())) {
                rows.add(new HomeRow(tenantId, name, HomeRowKind.GO_LIVE, goLive.name() + " goes live", goLive.key(),
                        goLive.goLive().atStartOfDay(zone).toInstant(), true, false, zone, "projects/" + goLive.projectId()));
            }
        }
        for (ComingRun run : runs.comingRuns(now, now.plus(COMING))) {
            if (director || run.mine() || myProjects.contains(run.projectId())) {
                rows.add(new HomeRow(tenantId, name, HomeRowKind.RUN, run.name(), (run.kind() == app.cadence.cutover.domain.RunKind.LIVE ? "Go-live run" : "Rehearsal") + " · " + run.state().label(), run.plannedT0(),
                        false, false, zone, "runs/" + run.runId()));
            }
        }
        @Nullable Long red = null;
        @Nullable Long amber = null;
        if (director) {
            Map<Health, Long> counts = portfolio.redAndAmber();
            red = counts.get(Health.RED);
            amber = counts.get(Health.AMBER);
        }
        return new OrganisationPart(tenantId, name, choice.role(), zone, List.copyOf(rows), moreItems, red, amber);
    }

    /** A notice's body can be a list of many lines: its first, shortened, is enough beside its title. */
    private static String firstLine(@Nullable String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String first = body.strip().lines().findFirst().orElse("");
        return first.length() <= 80 ? first : first.substring(0, 79) + "…";
    }

    /** A notice's link inside the application, as an address relative to it. */
    private static String relative(String link) {
        int path = link.indexOf("://") < 0 ? 0 : link.indexOf('/', link.indexOf("://") + 3);
        String relative = path < 0 ? "" : link.substring(path);
        return relative.startsWith("/") ? relative.substring(1) : relative;
    }
}
