package app.cadence.project;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.cadence.live.LiveUpdates;
import app.cadence.project.service.ProjectForm;
import app.cadence.project.service.ProjectService;
import app.cadence.work.domain.Anchors;
import app.cadence.work.domain.ItemStatus;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceReading;
import app.cadence.work.service.ItemWork;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import app.cadence.work.service.InstanceViews.ItemRef;
import app.cadence.work.service.InstanceViews.ItemUpdate;
import app.cadence.work.service.InstanceViews.ItemView;
import app.cadence.work.ui.InstanceView;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.FormSignIn;
import app.cadence.support.KaribuTest;
import app.cadence.support.SampleTemplates;
import app.cadence.support.TestClock;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.internal.CurrentInstance;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.context.WebApplicationContext;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.IntNode;

/**
 * Open screens follow changes others commit, without a reload. The other person works in their
 * own request on another thread, as they would; this screen's UI is the Karibu one. The browser's
 * side of a refresh (answering the pushed no-op script, which is the request the view reloads in)
 * is played by {@link #browserAnswers()}. Nothing sleeps: the test waits for what the screen shows.
 */
class ScreensFollowChangesTest extends KaribuTest {

    @Autowired InstanceApplication applying;

    @Autowired InstanceReading reading;

    @Autowired ItemWork itemWork;
    @Autowired ProjectService projects;
    @Autowired TenantScope scope;
    @Autowired TestClock clock;
    @Autowired LiveUpdates live;
    @Autowired WebApplicationContext context;

    Tenant tenant;
    Member pmo;
    Member pm;
    Long projectId;
    Long instanceId;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant("Live screens");
        pmo = fixtures.member(tenant, Role.PMO);
        pm = fixtures.member(tenant, Role.PM);
        projectId = fixtures.project(pm, "CLOUD-02", "Cloud move");
        Long templateId = fixtures.publishedTemplate(pmo, "Runbook", SampleTemplates.runbook());
        Long version = as(pm, () -> applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst()
                .orElseThrow().latest().id());
        LocalDateTime t0 = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(2).withSecond(0).withNano(0);
        instanceId = as(pm, () -> applying.instantiate(new InstantiationRequest(projectId, templateId, version, "Cutover runbook", Anchors.at(t0))));
    }

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action::get);
    }

    /** Another person's request: another thread, no UI of this test's session. */
    <T> T elsewhere(Member member, Supplier<T> action) {
        return CompletableFuture.supplyAsync(() -> {
            CurrentInstance.clearAll();
            return as(member, action);
        }).join();
    }

    ItemView item(String title) {
        return as(pm, () -> reading.details(instanceId)).items().stream().filter(i -> i.title().equals(title)).findFirst().orElseThrow();
    }

    /** Runs what was pushed to this UI and answers the scripts, as the browser would. */
    static void browserAnswers() {
        MockVaadin.runUIQueue();
        UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .filter(call -> call.isSubscribed()).forEach(call -> call.complete(IntNode.valueOf(0)));
    }

    static void awaitScreen(BooleanSupplier shows) {
        await().atMost(Duration.ofSeconds(20)).pollInSameThread().pollInterval(Duration.ofMillis(10)).until(() -> {
            browserAnswers();
            return shows.getAsBoolean();
        });
    }

    static String progress() {
        return _get(Span.class, spec -> spec.withClasses("progress-text")).getText();
    }

    @Test
    void aScreenWhoseSignInStandsIsRefreshedInThePushWithoutARequest() throws Exception {
        // The session of a real sign-in, as a browser's session holds it: the refresh may run in the push.
        SecurityContext held = FormSignIn.securityContext(new FormSignIn(context).signIn(pmo.email()));
        login(held.getAuthentication());
        VaadinSession.getCurrent().getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, held);
        navigate("instances/" + instanceId);

        ItemView extract = item("Extract legacy data");
        elsewhere(pm, () -> itemWork.update(ItemUpdate.from(extract).withStatus(ItemStatus.DONE, null)));

        await().atMost(Duration.ofSeconds(20)).pollInSameThread().pollInterval(Duration.ofMillis(10)).until(() -> {
            MockVaadin.runUIQueue(); // what was pushed; the browser answers nothing
            return progress().startsWith("1 of 3 done");
        });
        assertThat(UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations()).as("scripts asking the browser for a request").isEmpty();
    }

    @Test
    void anotherPersonsChangeShowsOnTheOpenInstanceWithoutReload() {
        login(pmo.authentication());
        navigate("instances/" + instanceId);
        assertThat(progress()).startsWith("0 of 3 done");

        ItemView extract = item("Extract legacy data");
        elsewhere(pm, () -> itemWork.update(ItemUpdate.from(extract).withStatus(ItemStatus.DONE, null)));

        awaitScreen(() -> progress().startsWith("1 of 3 done"));
    }

    @Test
    void aBulkChangeOfSeveralItemsIsOneRefresh() {
        login(pmo.authentication());
        navigate("instances/" + instanceId);
        List<ItemRef> refs = as(pm, () -> reading.details(instanceId)).items().stream()
                .filter(i -> !i.evidenceRequired()).map(i -> new ItemRef(i.id(), i.version())).toList();

        elsewhere(pm, () -> itemWork.bulkStatus(instanceId, refs, ItemStatus.DONE, null));

        awaitScreen(() -> progress().startsWith("2 of 3 done")); // the rollback step is done too, but counts only if rollback is invoked
    }

    @Test
    void unsavedInputIsKeptAndThePanelSaysWhoChangedTheItem() {
        ItemView extract = item("Extract legacy data");
        login(pmo.authentication());
        navigate("instances/" + instanceId + "?item=" + extract.id());
        type(_get(TextArea.class, spec -> spec.withLabel("Notes")), "PMO: check the target sizing first");

        elsewhere(pm, () -> itemWork.update(ItemUpdate.from(extract).withStatus(ItemStatus.IN_PROGRESS, null)));

        awaitScreen(() -> _get(Div.class, spec -> spec.withClasses("item-live-notice")).isVisible());
        assertThat(_get(Div.class, spec -> spec.withClasses("item-live-notice")).getElement().getTextRecursively())
                .startsWith(pm.name() + " changed this item");
        assertThat(_get(TextArea.class, spec -> spec.withLabel("Notes")).getValue()).isEqualTo("PMO: check the target sizing first");

        _click(_get(Button.class, spec -> spec.withText("Show theirs")));
        assertThat(_get(com.vaadin.flow.component.select.Select.class, spec -> spec.withLabel("Status")).getValue())
                .isEqualTo(ItemStatus.IN_PROGRESS);
        // What the user typed is still on screen to copy, never silently dropped.
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("item-kept-input")).getText())
                .contains("PMO: check the target sizing first");
    }

    @Test
    void anOpenItemWithoutInputSimplyFollows() {
        ItemView extract = item("Extract legacy data");
        login(pmo.authentication());
        navigate("instances/" + instanceId + "?item=" + extract.id());

        elsewhere(pm, () -> itemWork.update(ItemUpdate.from(extract).withStatus(ItemStatus.IN_PROGRESS, null)));

        awaitScreen(() -> _get(com.vaadin.flow.component.select.Select.class, spec -> spec.withLabel("Status")).getValue()
                == ItemStatus.IN_PROGRESS);
        assertThat(_find(Div.class, spec -> spec.withClasses("item-live-notice"))).isEmpty();
    }

    @Test
    void theScreensOwnChangeBringsNoNotice() {
        ItemView extract = item("Extract legacy data");
        ItemView load = item("Load data");
        login(pmo.authentication());
        navigate("instances/" + instanceId + "?item=" + extract.id());
        type(_get(TextArea.class, spec -> spec.withLabel("Notes")), "typing, not saved");
        // This screen changes the open item itself (bulk), then someone else changes another item.
        as(pmo, () -> itemWork.bulkStatus(instanceId, List.of(new ItemRef(extract.id(), extract.version())), ItemStatus.IN_PROGRESS, null));
        elsewhere(pm, () -> itemWork.update(ItemUpdate.from(load).withStatus(ItemStatus.DONE, null)));

        awaitScreen(() -> progress().startsWith("1 of 3 done"));
        // Messages are delivered in commit order: had the own change been announced, it would show by now.
        assertThat(_find(Div.class, spec -> spec.withClasses("item-live-notice"))).isEmpty();
        assertThat(_get(TextArea.class, spec -> spec.withLabel("Notes")).getValue()).isEqualTo("typing, not saved");
    }

    @Test
    void theProjectPageFollowsItsInstancesProgress() {
        login(pmo.authentication());
        navigate("projects/" + projectId);
        assertThat(instanceProgress()).startsWith("0 of 3 done");

        ItemView extract = item("Extract legacy data");
        elsewhere(pm, () -> itemWork.update(ItemUpdate.from(extract).withStatus(ItemStatus.DONE, null)));

        awaitScreen(() -> instanceProgress().startsWith("1 of 3 done")); // the rollback step counts only once invoked
    }

    /**
     * The project page's tabs are drawn when first shown (the status reports' workspace is not read
     * for a visit that stays on the communications). An item done changes the overview and leaves
     * the tabs as they are; a change of the project itself redraws them, on the tab the person was on.
     */
    @Test
    void theProjectPagesTabsAreDrawnWhenShownAndStayOpenThroughALiveChange() {
        login(pm.authentication());
        navigate("projects/" + projectId);
        assertThat(_find(Button.class, spec -> spec.withClasses("start-draft"))).as("the status reports tab is not drawn yet").isEmpty();

        com.vaadin.flow.component.tabs.TabSheet first = _get(com.vaadin.flow.component.tabs.TabSheet.class, spec -> spec.withClasses("project-tabs"));
        com.vaadin.flow.component.tabs.Tab reports = _find(first, com.vaadin.flow.component.tabs.Tab.class).stream()
                .filter(tab -> "Status reports".equals(tab.getLabel())).findFirst().orElseThrow();
        assertThat(first.getComponent(reports).getChildren()).as("nothing in the tab until it is shown").isEmpty();
        first.setSelectedTab(reports);
        assertThat(_find(Button.class, spec -> spec.withClasses("start-draft"))).hasSize(1);

        ItemView extract = item("Extract legacy data");
        elsewhere(pmo, () -> itemWork.update(ItemUpdate.from(extract).withStatus(ItemStatus.DONE, null)));
        awaitScreen(() -> instanceProgress().startsWith("1 of 3 done"));

        assertThat(_get(com.vaadin.flow.component.tabs.TabSheet.class, spec -> spec.withClasses("project-tabs")))
                .as("an item done changes nothing in the tabs: not drawn again").isSameAs(first);
        assertThat(first.getSelectedTab().getLabel()).isEqualTo("Status reports");
        assertThat(_find(Button.class, spec -> spec.withClasses("start-draft"))).hasSize(1);

        elsewhere(pmo, () -> {
            ProjectForm form = projects.load(projectId);
            form.setSponsor("Dana Whitfield");
            return projects.update(form);
        });
        awaitScreen(() -> _find(com.vaadin.flow.component.tabs.TabSheet.class, spec -> spec.withClasses("project-tabs")).stream()
                .noneMatch(sheet -> sheet == first));
        com.vaadin.flow.component.tabs.TabSheet sheet = _get(com.vaadin.flow.component.tabs.TabSheet.class, spec -> spec.withClasses("project-tabs"));
        assertThat(sheet.getSelectedTab().getLabel()).as("the project changed: redrawn on the same tab").isEqualTo("Status reports");
        assertThat(_find(Button.class, spec -> spec.withClasses("start-draft"))).hasSize(1);
    }

    /**
     * The project page's history stays as the person left it through a live change — the same
     * grid, the filter they typed — and lists the change.
     */
    @Test
    void theProjectPagesHistoryKeepsItsFilterThroughALiveChangeAndListsIt() {
        login(pm.authentication());
        navigate("projects/" + projectId);
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<app.cadence.audit.service.AuditTrail.Entry> history =
                _get(com.vaadin.flow.component.grid.Grid.class, spec -> spec.withClasses("history-grid"));
        com.vaadin.flow.component.textfield.TextField person =
                _find(com.vaadin.flow.component.textfield.TextField.class).stream()
                        .filter(field -> "Filter history by person".equals(field.getAriaLabel().orElse(null))).findFirst().orElseThrow();
        type(person, pmo.name());
        int before = com.github.mvysny.kaributesting.v10.GridKt._size(history);

        ItemView extract = item("Extract legacy data");
        elsewhere(pmo, () -> itemWork.update(ItemUpdate.from(extract).withStatus(ItemStatus.DONE, null)));
        awaitScreen(() -> instanceProgress().startsWith("1 of 3 done"));

        assertThat(_get(com.vaadin.flow.component.grid.Grid.class, spec -> spec.withClasses("history-grid")))
                .as("the history is not rebuilt").isSameAs(history);
        assertThat(person.getValue()).as("the filter being used is kept").isEqualTo(pmo.name());
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(history)).as("the change by the filtered person is listed")
                .isEqualTo(before + 1);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._get(history, 0).actor()).isEqualTo(pmo.name());
    }

    /** What the portfolio's tiles say. */
    static String tilesText() {
        return _get(Div.class, spec -> spec.withClasses("portfolio-tiles")).getElement().getTextRecursively();
    }

    /** The progress cell of the project page's only instance (the grid is looked up afresh: the overview is rebuilt). */
    static String instanceProgress() {
        com.vaadin.flow.component.grid.Grid<?> grid = _get(com.vaadin.flow.component.grid.Grid.class, spec -> spec.withClasses("instances-grid"));
        return com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(grid, 0, "progress").getElement().getTextRecursively();
    }

    @Test
    void myWorkShowsAnItemAssignedByAnotherPerson() {
        Member contributor = fixtures.member(tenant, Role.CONTRIBUTOR);
        login(contributor.authentication());
        navigate("my-work");
        com.vaadin.flow.component.grid.Grid<?> grid = _get(com.vaadin.flow.component.grid.Grid.class);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(grid)).isZero();

        ItemView extract = item("Extract legacy data");
        elsewhere(pm, () -> itemWork.bulkAssign(instanceId, List.of(new ItemRef(extract.id(), extract.version())), contributor.userId()));

        awaitScreen(() -> com.github.mvysny.kaributesting.v10.GridKt._size(grid) == 1);
    }

    /**
     * Every change of the tenant refreshes each open portfolio; most (a step done on time) move no
     * tile, and then the tiles and charts are not rebuilt (nothing for Vaadin to send); a change
     * that does move one (another instance of a template in use) rebuilds them.
     */
    @Test
    void thePortfolioChangesItsTilesOnlyWhenTheirFiguresChange() {
        login(pmo.authentication());
        navigate("portfolio");
        java.util.concurrent.atomic.AtomicInteger refreshes = new java.util.concurrent.atomic.AtomicInteger();
        _get(com.vaadin.flow.component.grid.Grid.class).getDataProvider().addDataProviderListener(e -> refreshes.incrementAndGet());
        Div templatesTile = _get(Div.class, spec -> spec.withClasses("tile-templates"));

        ItemView extract = item("Extract legacy data");
        elsewhere(pm, () -> itemWork.update(ItemUpdate.from(extract).withStatus(ItemStatus.DONE, null)));
        awaitScreen(() -> refreshes.get() >= 1);
        assertThat(_get(Div.class, spec -> spec.withClasses("tile-templates"))).as("tiles kept").isSameAs(templatesTile);
        // A refresh now sends the changed row (an event per row), and one change may reach the screen in two refreshes.
        int afterTheItem = refreshes.get();
        String tilesBefore = tilesText();

        // Another template applied: a line of its own under "Templates in use", which no chart shows.
        Long templateId = fixtures.publishedTemplate(pmo, "Hypercare runbook", SampleTemplates.runbook());
        elsewhere(pm, () -> {
            Long version = applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst().orElseThrow().latest().id();
            return applying.instantiate(new InstantiationRequest(projectId, templateId, version, "Hypercare runbook",
                    Anchors.at(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1).withSecond(0).withNano(0))));
        });
        Div firstChart = _find(Div.class, spec -> spec.withClasses("chart")).getFirst();
        awaitScreen(() -> !tilesText().equals(tilesBefore));
        assertThat(tilesText()).contains("Hypercare runbook");
        assertThat(refreshes.get()).as("the grid followed the new instance").isGreaterThan(afterTheItem);
        // The tiles are made once: a refresh that moves a figure gives them new texts, not new components.
        assertThat(_get(Div.class, spec -> spec.withClasses("tile-templates"))).as("the same tile, new figures").isSameAs(templatesTile);
        // No chart shows the templates in use: the charts are not drawn again.
        assertThat(_find(Div.class, spec -> spec.withClasses("chart")).getFirst()).as("charts kept").isSameAs(firstChart);
    }

    /**
     * A change that alters one row and moves none sends that row alone, with its new values; the
     * other projects' rows are not sent again (docs/performance.md, "Only the rows that changed").
     */
    @Test
    @SuppressWarnings("unchecked")
    void thePortfolioSendsOnlyTheRowThatChanged() {
        fixtures.project(pm, "CLOUD-03", "Cloud exit");
        login(pmo.authentication());
        navigate("portfolio");
        var grid = (com.vaadin.flow.component.grid.Grid<app.cadence.portfolio.domain.PortfolioRow>) _get(com.vaadin.flow.component.grid.Grid.class);
        List<Object> refreshedRows = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger refreshedAll = new java.util.concurrent.atomic.AtomicInteger();
        grid.getDataProvider().addDataProviderListener(e -> {
            if (e instanceof com.vaadin.flow.data.provider.DataChangeEvent.DataRefreshEvent<?> row) {
                refreshedRows.add(row.getItem());
            } else {
                refreshedAll.incrementAndGet();
            }
        });
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(grid)).isEqualTo(2);

        ItemView extract = item("Extract legacy data");
        elsewhere(pm, () -> itemWork.update(ItemUpdate.from(extract).withStatus(ItemStatus.DONE, null)));
        awaitScreen(() -> !refreshedRows.isEmpty());

        assertThat(refreshedAll).as("no full refresh").hasValue(0);
        assertThat(refreshedRows).singleElement()
                .satisfies(row -> assertThat(((app.cadence.portfolio.domain.PortfolioRow) row).key()).isEqualTo("CLOUD-02"));
        app.cadence.portfolio.domain.PortfolioRow shown = com.github.mvysny.kaributesting.v10.GridKt._get(grid, 0).key().equals("CLOUD-02")
                ? com.github.mvysny.kaributesting.v10.GridKt._get(grid, 0) : com.github.mvysny.kaributesting.v10.GridKt._get(grid, 1);
        assertThat(shown.cutoverPercent()).as("the row the grid holds is the new one").isGreaterThan(0);
    }

    @Test
    void openingAndLeavingScreensLeavesNoRegistrationBehind() {
        int before = live.registrations();
        login(pmo.authentication());
        // The header's notification bell follows the person's notices on every page: one more throughout.
        int header = 1;
        navigate("instances/" + instanceId);
        assertThat(live.registrations()).as("the bell, the runbook page and its list of runs").isEqualTo(before + header + 2);
        navigate("projects/" + projectId);
        // The instance page let go when it was left; the project page follows the project and its
        // retrospectives section the project's retrospectives (a first one shows without a reload).
        assertThat(live.registrations()).isEqualTo(before + header + 2);
        // Its tabs attach the selected one's content just before the response: the Communications
        // tab then follows the project's communications (the Status reports tab follows the
        // project's reports once it is opened).
        MockVaadin.clientRoundtrip(false);
        assertThat(live.registrations()).isEqualTo(before + header + 3);
        navigate("my-work");
        navigate("portfolio");
        assertThat(live.registrations()).isEqualTo(before + header + 1);
        navigate("projects");
        assertThat(live.registrations()).isEqualTo(before + header);

        navigate("instances/" + instanceId);
        assertThat(live.registrations()).as("the bell, the runbook page and its list of runs").isEqualTo(before + header + 2);
        // The session ends with the page open (closed tab, expired session): its UI is detached too.
        MockVaadin.tearDown();
        assertThat(live.registrations()).isEqualTo(before);
        MockVaadin.setup(); // for the base class's tear-down
    }
}
