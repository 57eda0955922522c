package app.cadence.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.shared.ui.LiveGridPages.Outcome;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.DataChangeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A live refresh sends only changed rows when nothing moved, and everything otherwise. */
class LiveGridPagesTest {

    record Row(long id, String title, int percent) {
    }

    private final List<Row> data = new ArrayList<>();
    private final List<Object> refreshedItems = new ArrayList<>();
    private int refreshedAll;
    private final CallbackDataProvider<Row, Void> provider = new CallbackDataProvider<>(
            q -> data.stream().skip(q.getOffset()).limit(q.getLimit()), q -> data.size(), Row::id);
    private final LiveGridPages<Row, Long> pages = new LiveGridPages<>(Row::id);

    @BeforeEach
    void fiftyRowsOfWhichTheGridFetchedTwoPages() {
        IntStream.range(0, 50).forEach(i -> data.add(new Row(i, "Project " + i, 0)));
        provider.addDataProviderListener(event -> {
            if (event instanceof DataChangeEvent.DataRefreshEvent<Row> refresh) {
                refreshedItems.add(refresh.getItem());
            } else {
                refreshedAll++;
            }
        });
        pages.counted(data.size());
        pages.fetched(0, 25, page(0, 25));
        pages.fetched(25, 25, page(25, 25));
    }

    @Test
    void aChangeToOneShownRowRefreshesThatRowOnly() {
        data.set(30, new Row(30, "Project 30", 40));

        assertThat(refresh()).isEqualTo(Outcome.ROWS_REFRESHED);
        assertThat(refreshedItems).containsExactly(new Row(30, "Project 30", 40));
        assertThat(refreshedAll).isZero();
    }

    @Test
    void aChangeNoShownRowSeesSendsNothing() {
        assertThat(refresh()).isEqualTo(Outcome.NOTHING_CHANGED);
        assertThat(refreshedItems).isEmpty();
        assertThat(refreshedAll).isZero();
    }

    @Test
    void theNextRefreshComparesWithWhatTheLastOneSent() {
        data.set(3, new Row(3, "Project 3", 10));
        refresh();
        refreshedItems.clear();

        assertThat(refresh()).isEqualTo(Outcome.NOTHING_CHANGED);
        data.set(3, new Row(3, "Project 3", 20));
        assertThat(refresh()).isEqualTo(Outcome.ROWS_REFRESHED);
        assertThat(refreshedItems).containsExactly(new Row(3, "Project 3", 20));
    }

    @Test
    void rowsThatChangedPlaceRefreshEverything() {
        Row moved = data.remove(40);
        data.add(2, moved);

        assertThat(refresh()).isEqualTo(Outcome.ALL_REFRESHED);
        assertThat(refreshedAll).isEqualTo(1);
        assertThat(refreshedItems).isEmpty();
    }

    @Test
    void aRowThatCameOrWentRefreshesEverything() {
        data.add(new Row(99, "Project 99", 0));

        assertThat(refresh()).isEqualTo(Outcome.ALL_REFRESHED);
        assertThat(refreshedAll).isEqualTo(1);
    }

    @Test
    void afterFallingBackTheGridsNextFetchesAreWhatCounts() {
        data.add(new Row(99, "Project 99", 0));
        refresh();
        // The grid fetched again after refreshAll and told the pages.
        pages.counted(data.size());
        pages.fetched(0, 25, page(0, 25));
        data.set(0, new Row(0, "Project 0", 5));

        assertThat(refresh()).isEqualTo(Outcome.ROWS_REFRESHED);
        assertThat(refreshedAll).isEqualTo(1);
    }

    @Test
    void aGridScrolledBeyondTheKeptPagesRefreshesEverything() {
        IntStream.range(50, 200).forEach(i -> data.add(new Row(i, "Project " + i, 0)));
        pages.counted(data.size());
        for (int offset = 50; offset < 150; offset += 25) {
            pages.fetched(offset, 25, page(offset, 25));
        }

        assertThat(refresh()).isEqualTo(Outcome.ALL_REFRESHED);
    }

    @Test
    void aResetGridIsRefreshedWhole() {
        pages.reset();

        assertThat(refresh()).isEqualTo(Outcome.ALL_REFRESHED);
    }

    private Outcome refresh() {
        return pages.refresh(provider, data::size, this::page);
    }

    private List<Row> page(long offset, int limit) {
        return data.stream().skip(offset).limit(limit).toList();
    }
}
