package app.cadence.work.ui;

import app.cadence.shared.ui.UserMessages;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.ui.TemplatePageSection;
import app.cadence.tenancy.service.CadenceUser;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.work.service.TemplateDrift;
import app.cadence.work.service.TemplateDrift.DriftReport;
import app.cadence.work.service.TemplateDrift.DriftRow;
import app.cadence.work.service.TemplateDrift.DriftSummary;
import app.cadence.work.service.TemplateDrift.InstanceOutcome;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The template page's "Drift" tab, for ADMIN and PMO: every instance of the template by the
 * version it follows (project, PM, version, progress, last change), and the upgrade of some or all
 * of them to the latest version — a summary preview, then the upgrade in the background with its
 * progress and each instance's result, while the page stays usable.
 */
@org.springframework.stereotype.Component
class TemplateDriftSection implements TemplatePageSection {

    private final TemplateDrift drift;
    private final TenantScope scope;

    TemplateDriftSection(TemplateDrift drift, TenantScope scope) {
        this.drift = drift;
        this.scope = scope;
    }

    @Override
    public String title() {
        return "Drift";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Component> create(Long templateId, TemplateKind kind, boolean author) {
        if (!author) {
            Paragraph only = new Paragraph("Administrators and the PMO see here which projects run which version of this template.");
            only.addClassName("empty-state");
            return Optional.of(only);
        }
        return Optional.of(new DriftPanel(drift, scope, templateId));
    }

    /** The report and the action for one template. */
    static final class DriftPanel extends VerticalLayout {

        private final TemplateDrift drift;
        private final TenantScope scope;
        private final Long templateId;
        private final Paragraph headline = new Paragraph();
        private final Grid<DriftRow> grid = new Grid<>();
        private final Button selectBehind = new Button("Select all behind");
        private final Button preview = new Button("Upgrade selected…");
        private final ProgressBar progress = new ProgressBar();
        private final Span progressText = new Span();
        private final UnorderedList results = new UnorderedList();
        private @Nullable DriftReport report;
        private @Nullable CompletableFuture<Void> running;

        DriftPanel(TemplateDrift drift, TenantScope scope, Long templateId) {
            this.drift = drift;
            this.scope = scope;
            this.templateId = templateId;
            setPadding(false);
            addClassName("template-drift");
            headline.addClassName("drift-headline");
            grid.setSelectionMode(Grid.SelectionMode.MULTI);
            grid.addComponentColumn(r -> new RouterLink(r.projectKey() + " · " + r.instanceName(), InstanceView.class, r.instanceId()))
                    .setHeader("Project · instance").setFlexGrow(3).setKey("instance");
            grid.addColumn(r -> r.pmName() == null ? "No PM" : r.pmName()).setHeader("PM").setAutoWidth(true).setFlexGrow(0).setKey("pm");
            grid.addComponentColumn(this::versionCell).setHeader("Version").setAutoWidth(true).setFlexGrow(0).setKey("version");
            grid.addColumn(r -> r.percentDone() + "% (" + r.done() + " of " + r.counted() + " done)").setHeader("Progress")
                    .setAutoWidth(true).setFlexGrow(0).setKey("progress");
            grid.addColumn(r -> r.lastChange() == null ? "" : UserMessages.formatTime(r.lastChange())).setHeader("Last change")
                    .setAutoWidth(true).setFlexGrow(0).setKey("lastChange");
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
            grid.setHeight("24rem");
            Paragraph empty = new Paragraph("No project has applied this template yet.");
            empty.addClassName("empty-state");
            grid.setEmptyStateComponent(empty);
            grid.addSelectionListener(e -> updateButtons());

            selectBehind.addClickListener(e -> {
                DriftReport r = report;
                if (r != null) {
                    grid.asMultiSelect().setValue(r.rows().stream().filter(r::behind).collect(Collectors.toSet()));
                }
            });
            preview.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            preview.addClickListener(e -> openSummary());
            HorizontalLayout actions = new HorizontalLayout(selectBehind, preview);
            actions.setAlignItems(FlexComponent.Alignment.BASELINE);

            progress.setWidth("16rem");
            progress.setVisible(false);
            progressText.addClassName("drift-progress");
            results.addClassName("drift-results");
            add(headline, grid, actions, new HorizontalLayout(progress, progressText), results);
            // Read whenever the tab is shown: a version published or an instance upgraded since shows at once.
            addAttachListener(e -> {
                if (running == null) {
                    load();
                }
            });
        }

        private Component versionCell(DriftRow row) {
            Span version = new Span("Version " + row.versionNumber());
            DriftReport r = report;
            if (r != null && r.behind(row)) {
                Span behind = new Span("behind");
                behind.addClassNames("tag", "tag-critical");
                return new Div(version, behind);
            }
            return version;
        }

        private void load() {
            DriftReport loaded = drift.report(templateId);
            report = loaded;
            grid.setItems(loaded.rows());
            if (loaded.rows().isEmpty()) {
                headline.setText("No project has applied this template yet.");
            } else if (loaded.latestNumber() == null) {
                headline.setText(instances(loaded.rows().size()) + ". No published version to upgrade them to.");
            } else {
                String byVersion = loaded.byVersion().entrySet().stream().map(e -> e.getValue() + " on version " + e.getKey())
                        .collect(Collectors.joining(", "));
                headline.setText(instances(loaded.rows().size()) + ", " + loaded.behindCount() + " behind the latest version "
                        + loaded.latestNumber() + " (" + byVersion + ").");
            }
            updateButtons();
        }

        private static String instances(long count) {
            return count + (count == 1 ? " instance" : " instances");
        }

        private void updateButtons() {
            DriftReport r = report;
            boolean idle = running == null;
            int selected = grid.getSelectedItems().size();
            selectBehind.setEnabled(idle && r != null && r.behindCount() > 0);
            preview.setEnabled(idle && r != null && r.latestNumber() != null && selected > 0);
            preview.setText(selected == 0 ? "Upgrade selected…" : "Upgrade " + selected + " selected…");
        }

        private void openSummary() {
            List<Long> ids = grid.getSelectedItems().stream().map(DriftRow::instanceId).toList();
            DriftSummary summary;
            try {
                summary = drift.summary(templateId, ids);
            } catch (RuntimeException e) {
                UserMessages.showError(e);
                return;
            }
            Dialog dialog = new Dialog();
            dialog.addClassName("drift-summary");
            dialog.setHeaderTitle("Upgrade " + summary.ready() + " of " + ids.size() + " instances to version " + summary.toNumber());
            dialog.setWidth("min(40rem, 95vw)");
            dialog.add(new Paragraph("Items across them: " + summary.added() + " added, " + summary.removed() + " removed, " + summary.kept()
                    + " kept outside the template (the team worked on them), " + summary.changed() + " changed, " + summary.moved()
                    + " moved. " + summary.keptValues() + " values the teams set stay as they are. Each project's manager is notified; "
                    + "each upgrade can be undone from its instance's history."));
            if (!summary.blocked().isEmpty()) {
                dialog.add(new Paragraph(summary.blocked().size() + " will not be upgraded:"));
                UnorderedList blocked = new UnorderedList();
                summary.blocked().forEach(b -> blocked.add(new ListItem(b.label() + " — " + b.why())));
                blocked.addClassName("drift-blocked");
                dialog.add(blocked);
            }
            Button confirm = new Button("Upgrade " + instances(summary.ready()), e -> {
                dialog.close();
                start(ids);
            });
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            confirm.setEnabled(summary.ready() > 0);
            dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
            dialog.open();
        }

        /** Upgrades in the background, as the signed-in member, pushing each result to the page as it comes. */
        private void start(List<Long> ids) {
            UI ui = UI.getCurrent();
            Long tenantId = TenantContext.requireTenantId();
            Long userId = TenantContext.currentUser().map(CadenceUser::userId).orElseThrow();
            results.removeAll();
            progress.setVisible(true);
            progress.setValue(0);
            progressText.setText("Upgrading 0 of " + ids.size() + "…");
            int[] done = {0};
            CompletableFuture<Void> work = CompletableFuture.runAsync(() -> scope.run(userId, tenantId, () ->
                    drift.upgradeAll(templateId, ids, outcome -> ui.access(() -> {
                        done[0]++;
                        show(outcome);
                        progress.setValue((double) done[0] / ids.size());
                        progressText.setText("Upgraded " + done[0] + " of " + ids.size() + "…");
                    }))), command -> Thread.ofVirtual().name("drift-upgrade").start(command));
            running = work;
            updateButtons();
            work.whenComplete((ok, failure) -> ui.access(() -> {
                running = null;
                progress.setVisible(false);
                if (failure != null) {
                    UserMessages.showError(failure.getCause() != null ? failure.getCause() : failure);
                }
                long upgraded = results.getChildren().filter(c -> c.hasClassName("drift-upgraded")).count();
                progressText.setText("Done: " + upgraded + " of " + ids.size() + " upgraded.");
                grid.deselectAll();
                load();
            }));
        }

        private void show(InstanceOutcome outcome) {
            ListItem line = new ListItem(outcome.label() + " — " + outcome.message());
            line.addClassName("drift-" + outcome.outcome().name().toLowerCase(java.util.Locale.ROOT));
            results.add(line);
        }

        /** The upgrade under way, if any: tests wait for it. */
        @Nullable CompletableFuture<Void> running() {
            return running;
        }
    }
}
