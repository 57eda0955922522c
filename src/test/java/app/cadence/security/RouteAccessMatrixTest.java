package app.cadence.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.work.domain.Anchors;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import app.cadence.lessons.domain.LessonCategory;
import app.cadence.lessons.service.LessonDraft;
import app.cadence.lessons.service.Lessons;
import app.cadence.security.ui.LoginView;
import app.cadence.shell.AccessDeniedView;
import app.cadence.shell.NotFoundView;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.support.SampleTemplates;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.CadenceAuthentication;
import app.cadence.tenancy.service.TenantScope;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.mock.MockedUI;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.internal.nodefeature.VirtualChildrenList;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.ClassUtils;

/**
 * Every route of the app, tried by anonymous visitors, by each role, by a member of another
 * tenant and by a platform operator who belongs to no tenant, against the table below: the one place that says who may open what. The routes come
 * from Vaadin's route registry, so a new view cannot be left out: it fails
 * {@link #everyRouteHasARowInTheTable()} until someone writes down who may open it.
 */
class RouteAccessMatrixTest extends KaribuTest {

    private static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);
    private static final Set<Role> DIRECTORS = EnumSet.of(Role.ADMIN, Role.PMO);
    private static final Set<Role> EDITORS = EnumSet.of(Role.ADMIN, Role.PMO, Role.PM);
    private static final Set<Role> NO_ROLE = EnumSet.noneOf(Role.class);

    /**
     * Who may open each route, keyed by the registry's route template. To add a route, add a
     * row: {@code open(ROLES)}, or {@code .anonymous()} for pages before sign-in; parameterised
     * routes say how to build an address for tenant A's sample object ({@code .at(...)}), which
     * the other tenant's member must find "not found".
     */
    private static final Map<String, Access> TABLE = table(
            // Signed-in users who open the login page are sent on to their landing page.
            row("login").anonymous().forwards().andOperator(),
            row("").open(EVERY_ROLE).forwards().andOperator(),
            row("select-tenant").open(EVERY_ROLE).forwards().andOperator(),
            row("portfolio").open(EVERY_ROLE),
            row("my-work").open(EVERY_ROLE),
            // Only the signed-in person's own notices: nothing of another tenant to find.
            row("notifications").open(EVERY_ROLE),
            // Only the signed-in person's own choices; the organisation's chat webhook is the ADMIN's.
            row("notifications/settings").open(EVERY_ROLE),
            row("admin/notifications").open(EnumSet.of(Role.ADMIN)),
            row("projects").open(EVERY_ROLE),
            row("programs").open(EVERY_ROLE),
            row("templates").open(EVERY_ROLE),
            row("lessons").open(EVERY_ROLE),
            // Every member reads the organisation's distribution lists; ADMIN, PMO and PM change them (on the page, by the service).
            row("lists").open(EVERY_ROLE),
            row("admin/outbox").open(EnumSet.of(Role.ADMIN)),
            row("admin/members").open(EnumSet.of(Role.ADMIN)),
            // Sign-up and invitation links work before sign-in; the token, not the tenant, is the key,
            // and an unknown one shows nothing of anybody's.
            row("signup").anonymous(),
            row("signup/confirm/:___url_parameter").anonymous().at(s -> "signup/confirm/unknown-token").foreignSeesThePageWithoutTheObject(),
            row("signup/continue/:___url_parameter").open(EVERY_ROLE).andOperator().at(s -> "signup/continue/unknown-token").foreignSeesThePageWithoutTheObject(),
            row("invitation/:___url_parameter").anonymous().at(s -> "invitation/unknown-token").foreignSeesThePageWithoutTheObject(),
            row("join/:___url_parameter").open(EVERY_ROLE).andOperator().at(s -> "join/unknown-token").foreignSeesThePageWithoutTheObject(),
            row("admin/security-log").open(EnumSet.of(Role.ADMIN)),
            row("account").open(EVERY_ROLE).andOperator(),
            row("forgot-password").anonymous(),
            // Any token shows the page (a form, or "expired or used"): there is no object to leak.
            row("reset-password/:___url_parameter").anonymous().at(s -> "reset-password/no-such-token")
                    .foreignSeesThePageWithoutTheObject(),
            row("admin/settings").open(EnumSet.of(Role.ADMIN)),
            // The working calendar is the portfolio office's; every member reads the organisation's agenda.
            row("admin/calendar").open(DIRECTORS),
            row("this-week").open(EVERY_ROLE),
            row("home").open(EVERY_ROLE),
            // Every member reads a communication; its owner or a PM drafts and sends it (on the page, by the service).
            row("communications/:___url_parameter").open(EVERY_ROLE).at(s -> "communications/" + s.occurrence()),
            row("projects/:___url_parameter").open(EVERY_ROLE).at(s -> "projects/" + s.project()),
            row("instances/:___url_parameter").open(EVERY_ROLE).at(s -> "instances/" + s.instance()),
            row("runs/:___url_parameter").open(EVERY_ROLE).at(s -> "runs/" + s.run()),
            row("runs/:runId/print").open(EVERY_ROLE).at(s -> "runs/" + s.run() + "/print"),
            // The same run twice is refused on the page (a sentence), but only after both were found in the reader's organisation.
            row("runs/compare").open(EVERY_ROLE).at(s -> "runs/compare?a=" + s.run() + "&b=" + s.run()),
            row("templates/:___url_parameter").open(EVERY_ROLE).at(s -> "templates/" + s.template()),
            row("lessons/:___url_parameter").open(EVERY_ROLE).at(s -> "lessons/" + s.lesson()),
            // Every member opens a retrospective's board; a viewer watches it.
            row("retros/:___url_parameter").open(EVERY_ROLE).at(s -> "retros/" + s.retro()),
            // Every member reads a project's published status reports.
            row("status-reports/:___url_parameter").open(EVERY_ROLE).at(s -> "status-reports/" + s.report()),
            row("templates/design/:___url_parameter").open(DIRECTORS).at(s -> "templates/design/" + s.draftTemplate()),
            // Importing a spreadsheet makes a template: the portfolio office's, like the JSON import.
            row("templates/import-spreadsheet").open(DIRECTORS),
            // The project only preselects; the page itself is the same for every project.
            row("apply").open(EDITORS).at(s -> "apply?project=" + s.project()).foreignSeesThePageWithoutTheObject(),
            // Platform operators only; no tenant role opens them.
            row("operator/tenants").open(NO_ROLE).andOperator(),
            row("operator/events").open(NO_ROLE).andOperator());

    @Autowired TenantScope scope;
    @Autowired app.cadence.comms.service.Communications communications;
    @Autowired TemplateLibrary templates;
    @Autowired InstanceApplication applying;
    @Autowired app.cadence.cutover.service.CutoverRuns runs;
    @Autowired Lessons lessons;
    @Autowired app.cadence.retro.service.RetroSessions retroSessions;
    @Autowired app.cadence.reporting.service.StatusReports statusReports;

    private Routes routes;
    private Sample sample;
    private Map<Role, Member> members;
    private Member foreigner;
    /** A platform operator who belongs to no tenant: sees only what {@code andOperator()} rows allow. */
    private CadenceAuthentication operator;

    /** Tenant A's objects, and words that appear only in them: seen by a foreigner = a leak. */
    record Sample(Long project, Long instance, Long run, Long template, Long draftTemplate, Long lesson, Long retro, Long report, Long occurrence, List<String> secrets) {
    }

    @BeforeEach
    void createTenantsAndObjects() {
        routes = new Routes().autoDiscoverViews("app.cadence");
        Tenant tenantA = fixtures.tenant("Matrix A");
        members = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            members.put(role, fixtures.member(tenantA, role));
        }
        // The most powerful role elsewhere: only tenancy may stop it.
        foreigner = fixtures.member(fixtures.tenant("Matrix B"), Role.ADMIN);
        operator = fixtures.operator();

        Member pmo = members.get(Role.PMO);
        String projectKey = "SECRET-" + System.nanoTime() % 100_000;
        String projectName = "Secret merger " + projectKey;
        Long project = fixtures.project(pmo, projectKey, projectName);
        Long template = fixtures.publishedTemplate(pmo, "Secret runbook", SampleTemplates.runbook());
        String templateName = scope.call(pmo.userId(), pmo.tenantId(), () -> templates.details(template).name());
        String draftName = "Secret draft " + projectKey;
        Long draft = scope.call(pmo.userId(), pmo.tenantId(), () -> templates.create(TemplateKind.CUTOVER, draftName, null));
        Long version = scope.call(pmo.userId(), pmo.tenantId(), () -> applying.applicableTemplates().stream()
                .filter(t -> t.id().equals(template)).findFirst().orElseThrow().latest().id());
        String instanceName = "Secret go-live " + projectKey;
        Long instance = scope.call(pmo.userId(), pmo.tenantId(), () -> applying.instantiate(new InstantiationRequest(
                project, template, version, instanceName, Anchors.at(LocalDateTime.of(2026, 6, 6, 18, 0)))));
        Long run = scope.call(pmo.userId(), pmo.tenantId(), () -> runs.scheduleRehearsal(instance, null));
        String lessonTitle = "Secret lesson " + projectKey;
        Long lesson = scope.call(pmo.userId(), pmo.tenantId(), () -> lessons.record(LessonDraft.manual()
                .withText(lessonTitle, "Secret what happened").inCategory(LessonCategory.CUTOVER).aboutTemplate(template, null)));
        Long retroTemplate = fixtures.publishedTemplate(pmo, "Secret retro", SampleTemplates.retrospective());
        String retroName = "Secret retrospective " + projectKey;
        Long retro = scope.call(pmo.userId(), pmo.tenantId(), () -> {
            Long retroVersion = applying.applicableTemplates().stream().filter(t -> t.id().equals(retroTemplate)).findFirst().orElseThrow().latest().id();
            Long retroInstance = applying.instantiate(new InstantiationRequest(project, retroTemplate, retroVersion, retroName,
                    Anchors.at(LocalDateTime.of(2026, 6, 8, 15, 0))));
            return retroSessions.sessionOf(retroInstance).orElseThrow();
        });
        Long report = scope.call(pmo.userId(), pmo.tenantId(), () -> {
            app.cadence.reporting.service.ReportView draftReport = statusReports.startDraft(project);
            return statusReports.publish(draftReport.id(), draftReport.version()).id();
        });
        Long commsTemplate = fixtures.publishedTemplate(pmo, "Secret comms", SampleTemplates.communicationPlan());
        Long occurrence = scope.call(pmo.userId(), pmo.tenantId(), () -> {
            Long commsVersion = applying.applicableTemplates().stream().filter(t -> t.id().equals(commsTemplate)).findFirst().orElseThrow().latest().id();
            applying.instantiate(new InstantiationRequest(project, commsTemplate, commsVersion, "Secret plan " + projectKey,
                    Anchors.plan(java.time.LocalDate.of(2026, 3, 9), java.time.LocalDate.of(2026, 5, 31), java.time.LocalDate.of(2026, 4, 15))));
            // The first one, within the weeks stored ahead (the test clock reads 2 March 2026).
            return communications.agenda(project, java.time.Instant.EPOCH, java.time.Instant.parse("2027-01-01T00:00:00Z")).getFirst().id();
        });
        sample = new Sample(project, instance, run, template, draft, lesson, retro, report, occurrence,
                List.of(projectKey, projectName, templateName, draftName, instanceName, lessonTitle, retroName));
    }

    @Test
    void everyRouteHasARowInTheTable() {
        Map<String, String> registered = registeredRoutes();
        Set<String> missing = new TreeSet<>(registered.keySet());
        missing.removeAll(TABLE.keySet());
        assertThat(missing).as("""
                routes with no row in RouteAccessMatrixTest.TABLE; add one for each, saying which roles may open it:
                  %s""", missing.stream().map(r -> "\"" + r + "\" (" + registered.get(r) + ")").collect(Collectors.joining("\n  ")))
                .isEmpty();
        Set<String> stale = new TreeSet<>(TABLE.keySet());
        stale.removeAll(registered.keySet());
        assertThat(stale).as("rows in RouteAccessMatrixTest.TABLE for routes that no longer exist").isEmpty();
    }

    @Test
    void everyRoleGetsExactlyWhatTheTableSays() {
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        Map<String, String> registered = registeredRoutes();
        for (String template : registered.keySet()) {
            Access access = TABLE.get(template);
            String target = registered.get(template);
            if (access == null) {
                continue; // reported by everyRouteHasARowInTheTable
            }
            String path = access.path(sample);
            tried += check(wrong, template, "anonymous", path, null, false,
                    access.anonymous ? Outcome.SHOWN : Outcome.LOGIN, access, target);
            for (Role role : Role.values()) {
                tried += check(wrong, template, role.name(), path, members.get(role).authentication(), false,
                        access.roles.contains(role) ? Outcome.SHOWN : Outcome.UNAVAILABLE, access, target);
            }
            if (access.sample != null) {
                tried += check(wrong, template, "ADMIN of another tenant", path, foreigner.authentication(), true,
                        access.foreignSeesPage ? Outcome.SHOWN : Outcome.NOT_FOUND, access, target);
            }
            tried += check(wrong, template, "operator without membership", path, operator, true,
                    access.operator ? Outcome.SHOWN : Outcome.UNAVAILABLE, access, target);
        }
        assertThat(wrong).as("route × user outcomes that differ from the table (%d tried)", tried).isEmpty();
        assertThat(tried).as("attempts made").isGreaterThanOrEqualTo(TABLE.size() * (Role.values().length + 2));
    }

    private enum Outcome {
        /** The route's own page (or, for a forwarding route, some page of the app). */
        SHOWN,
        /** Sent to sign in. */
        LOGIN,
        /** The "page not found" page, which is also what a role that may not open a page sees. */
        UNAVAILABLE,
        /** Specifically not-found: another tenant's object, indistinguishable from a missing one. */
        NOT_FOUND
    }

    private int check(List<String> wrong, String template, String who, String path, Authentication user, boolean outsider,
                      Outcome expected, Access access, String target) {
        restartVaadin();
        if (user != null) {
            login(user);
        }
        String seen;
        try {
            navigate(path);
            seen = describe(currentView(), access, target);
        } catch (RuntimeException e) {
            seen = "an exception: " + e;
        }
        String want = switch (expected) {
            case SHOWN -> access.forwards ? "an app page" : target;
            case LOGIN -> LoginView.class.getSimpleName();
            case UNAVAILABLE -> "unavailable";
            case NOT_FOUND -> NotFoundView.class.getSimpleName();
        };
        boolean ok = switch (expected) {
            case SHOWN -> access.forwards ? seen.equals("an app page") || seen.equals(target) : seen.equals(target);
            case UNAVAILABLE -> seen.equals(NotFoundView.class.getSimpleName()) || seen.equals(AccessDeniedView.class.getSimpleName());
            default -> seen.equals(want);
        };
        if (!ok) {
            wrong.add(String.format("/%s as %s: expected %s, got %s", path, who, want, seen));
        }
        if (outsider) {
            String leaked = leakedSecret();
            if (leaked != null) {
                wrong.add(String.format("/%s as %s: the page shows tenant A's “%s”", path, who, leaked));
            }
        }
        return 1;
    }

    private static String describe(Component view, Access access, String target) {
        // Views with secured methods are Spring proxies: compare the class the developer wrote.
        String name = ClassUtils.getUserClass(view).getSimpleName();
        if (view instanceof LoginView || view instanceof NotFoundView || view instanceof AccessDeniedView || name.equals(target)) {
            return name;
        }
        return access.forwards ? "an app page" : name;
    }

    /** One of tenant A's words anywhere in the page: text or any property a component sent. */
    private String leakedSecret() {
        StringBuilder page = new StringBuilder();
        collect(UI.getCurrent().getElement(), page);
        return sample.secrets().stream().filter(s -> page.indexOf(s) >= 0).findFirst().orElse(null);
    }

    private static void collect(Element element, StringBuilder page) {
        page.append(element.getText()).append('\n');
        element.getPropertyNames().forEach(p -> page.append(element.getProperty(p, "")).append('\n'));
        element.getAttributeNames().forEach(a -> page.append(element.getAttribute(a)).append('\n'));
        element.getChildren().forEach(child -> collect(child, page));
        // Dialogs and notifications live outside the view's tree, as virtual children.
        if (element.getNode().hasFeature(VirtualChildrenList.class)) {
            element.getNode().getFeature(VirtualChildrenList.class).forEachChild(node -> collect(Element.get(node), page));
        }
    }

    /** A fresh UI and signed-out session for each attempt, as a new browser tab would have. */
    private void restartVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
        MockVaadin.setup(MockedUI::new, new MockSpringServlet(routes, context, MockedUI::new));
    }

    /**
     * Route template → the view class's name, as the registry has them; a parameter's type
     * pattern (e.g. the one for a Long id) is left out, since it says nothing about access.
     */
    private static Map<String, String> registeredRoutes() {
        return RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .collect(Collectors.toMap(r -> r.getTemplate().replaceAll("\\(\\^.*?\\$\\)", ""),
                        r -> r.getNavigationTarget().getSimpleName(),
                        (a, b) -> a + ", " + b, java.util.TreeMap::new));
    }

    // --- the table's vocabulary ----------------------------------------------------------------

    private static final class Access {
        final String template;
        Set<Role> roles = EnumSet.noneOf(Role.class);
        boolean anonymous;
        boolean forwards;
        boolean foreignSeesPage;
        boolean operator;
        Function<Sample, String> sample;

        Access(String template) {
            this.template = template;
        }

        /** Also open before sign-in (and so to every role). */
        Access anonymous() {
            anonymous = true;
            roles = EVERY_ROLE;
            operator = true;
            return this;
        }

        Access open(Set<Role> allowed) {
            roles = allowed;
            return this;
        }

        /** Also open to a platform operator who belongs to no tenant. */
        Access andOperator() {
            operator = true;
            return this;
        }

        /** The route sends each user on to another page (e.g. the landing page). */
        Access forwards() {
            forwards = true;
            return this;
        }

        /** How to address tenant A's sample object through this route. */
        Access at(Function<Sample, String> address) {
            sample = address;
            return this;
        }

        /** The object only fills in a form: a foreigner gets the empty form, never the object. */
        Access foreignSeesThePageWithoutTheObject() {
            foreignSeesPage = true;
            return this;
        }

        String path(Sample s) {
            return sample == null ? template : sample.apply(s);
        }
    }

    private static Access row(String template) {
        return new Access(template);
    }

    private static Map<String, Access> table(Access... rows) {
        Map<String, Access> table = new LinkedHashMap<>();
        for (Access row : rows) {
            assertThat(table.put(row.template, row)).as("two rows for route “%s”", row.template).isNull();
        }
        return table;
    }
}
