package app.cadence.project;

import static app.cadence.project.ScreensFollowChangesTest.awaitScreen;
import static app.cadence.project.ScreensFollowChangesTest.progress;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.work.domain.Anchors;
import app.cadence.work.domain.InstanceItem;
import app.cadence.work.domain.ItemField;
import app.cadence.work.domain.ItemStatus;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceReading;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import app.cadence.work.service.InstanceViews.ItemRef;
import app.cadence.work.service.InstanceViews.ItemUpdate;
import app.cadence.work.service.InstanceViews.ItemView;
import app.cadence.work.service.ItemWork;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.internal.CurrentInstance;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An open instance page follows another person's change of one item by reading that item again,
 * not the whole instance (60 items here), and still shows the right progress, section counts and
 * row. Pages following the same change share that read, each with its reader's own rights, and
 * a read is never shared with another tenant.
 */
class FollowedChangeReadsOneItemTest extends KaribuTest {

    @Autowired InstanceApplication applying;
    @Autowired InstanceReading reading;
    @Autowired ItemWork itemWork;
    @Autowired TenantScope scope;
    @Autowired EntityManagerFactory entityManagerFactory;

    Tenant tenant;
    Member pmo;
    Member pm;
    Member viewer;
    Long instanceId;
    Statistics statistics;
    @Autowired app.cadence.support.TestClock clock;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant("Followed");
        pmo = fixtures.member(tenant, Role.PMO);
        pm = fixtures.member(tenant, Role.PM);
        viewer = fixtures.member(tenant, Role.VIEWER);
        Long projectId = fixtures.project(pm, "FOL-01", "Followed");
        Long templateId = fixtures.publishedTemplate(pmo, "Runbook of 60", PageStatementCountTest.runbook(60));
        Long versionId = as(pm, () -> applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst()
                .orElseThrow().latest().id());
        instanceId = as(pm, () -> applying.instantiate(new InstantiationRequest(projectId, templateId, versionId, "Live",
                // T0 well ahead of the shared test clock (other tests move it on): nothing is overdue.
                Anchors.at(LocalDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).plusDays(30).withNano(0)))));
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
    }

    @AfterEach
    void statisticsOff() {
        statistics.setStatisticsEnabled(false);
    }

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action::get);
    }

    <T> T elsewhere(Member member, Supplier<T> action) {
        return CompletableFuture.supplyAsync(() -> {
            CurrentInstance.clearAll();
            return as(member, action);
        }).join();
    }

    ItemView item(String title) {
        return as(pm, () -> reading.details(instanceId)).items().stream().filter(i -> i.title().equals(title)).findFirst().orElseThrow();
    }

    void countFromNow() {
        statistics.setStatisticsEnabled(true);
        statistics.clear();
    }

    long itemsLoaded() {
        return statistics.getEntityStatistics(InstanceItem.class.getName()).getLoadCount();
    }

    @Test
    void theOpenPageReadsOnlyTheChangedItemAndShowsTheRightProgress() {
        login(pmo.authentication());
        navigate("instances/" + instanceId);
        assertThat(progress()).startsWith("0 of 60 done");
        ItemView step = item("Step 12");

        elsewhere(pm, () -> itemWork.update(ItemUpdate.from(step).withStatus(ItemStatus.DONE, null)));
        countFromNow();
        awaitScreen(() -> progress().startsWith("1 of 60 done"));

        System.out.printf("Following one item change of a 60-item instance: %d statements, %d items loaded%n",
                statistics.getPrepareStatementCount(), itemsLoaded());
        assertThat(itemsLoaded()).as("items read again").isEqualTo(1);
        assertThat(statistics.getPrepareStatementCount()).as("statements").isLessThanOrEqualTo(2);
        assertThat(progress()).isEqualTo("1 of 60 done (2%)");
        Grid<?> grid = _get(TreeGrid.class);
        assertThat(texts(grid)).contains("Section 1 · 1 of 10 done", "Section 0 · 0 of 10 done");
        assertThat(rowText(grid, "Step 12")).contains("Done");

        // A bulk change of more items than a page follows one by one reloads the instance instead, to the same effect.
        List<ItemRef> many = as(pm, () -> reading.details(instanceId)).items().stream().filter(i -> i.status() == ItemStatus.OPEN)
                .map(i -> new ItemRef(i.id(), i.version())).toList();
        assertThat(many).hasSizeGreaterThan(app.cadence.work.ui.InstanceView.MAX_FOLLOWED_ITEMS);
        elsewhere(pm, () -> itemWork.bulkStatus(instanceId, many, ItemStatus.BLOCKED, "Waiting for the vendor"));
        statistics.clear(); // the screen reads when the browser answers the push, in awaitScreen
        awaitScreen(() -> progress().equals("1 of 60 done (2%) · 59 blocked"));
        assertThat(itemsLoaded()).as("the whole instance read once").isEqualTo(60);
        assertThat(rowText(_get(TreeGrid.class), "Step 3")).contains("Blocked");
    }

    @Test
    void pagesFollowingOneChangeShareOneReadEachWithItsReadersRights() {
        ItemView step = item("Step 3");
        ItemView changed = elsewhere(pm, () -> itemWork.update(ItemUpdate.from(step).withStatus(ItemStatus.IN_PROGRESS, null)));
        Map<Long, Instant> change = Map.of(step.id(), Instant.parse("2026-03-01T10:15:30.123456Z"));

        countFromNow();
        List<ItemView> asPmo = as(pmo, () -> reading.changedItems(instanceId, change));
        long afterFirst = itemsLoaded();
        long[] connections = new long[1];
        List<ItemView> asViewer = as(viewer, () -> {
            long before = statistics.getConnectCount();
            List<ItemView> read = reading.changedItems(instanceId, change);
            connections[0] = statistics.getConnectCount() - before;
            return read;
        });

        assertThat(afterFirst).isEqualTo(1);
        assertThat(itemsLoaded()).as("the second page shares the first one's read").isEqualTo(1);
        assertThat(connections[0]).as("nor does it take a connection from the pool").isZero();
        assertThat(asPmo).singleElement().satisfies(i -> {
            assertThat(i.status()).isEqualTo(ItemStatus.IN_PROGRESS);
            assertThat(i.version()).isEqualTo(changed.version());
            assertThat(i.canEdit(ItemField.STATUS)).isTrue();
        });
        assertThat(asViewer).singleElement().satisfies(i -> {
            assertThat(i.status()).isEqualTo(ItemStatus.IN_PROGRESS);
            assertThat(i.editable()).isEmpty();
        });
        // Asked for the wrong instance: nothing.
        assertThat(as(pmo, () -> reading.changedItems(instanceId + 1_000_000, change))).isEmpty();
    }

    @Test
    void anotherTenantNeverGetsTheRead() {
        ItemView step = item("Step 5");
        Map<Long, Instant> change = Map.of(step.id(), Instant.parse("2026-03-01T11:00:00Z"));
        assertThat(as(pmo, () -> reading.changedItems(instanceId, change))).hasSize(1);

        Tenant other = fixtures.tenant("Other followed");
        Member stranger = fixtures.member(other, Role.PMO);
        assertThat(as(stranger, () -> reading.changedItems(instanceId, change))).isEmpty();
    }

    static List<String> texts(Grid<?> grid) {
        return java.util.stream.IntStream.range(0, GridKt._size(grid))
                .mapToObj(row -> GridKt._getFormatted(grid, row, "title")).toList();
    }

    static String rowText(Grid<?> grid, String title) {
        for (int row = 0; row < GridKt._size(grid); row++) {
            if (GridKt._getFormatted(grid, row, "title").startsWith(title)) {
                return GridKt._getFormatted(grid, row, "status");
            }
        }
        throw new AssertionError("No row " + title);
    }
}
