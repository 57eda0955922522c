package app.cadence.work.ui;

import app.cadence.shared.ui.UserMessages;
import app.cadence.work.service.InstanceUpgrades;
import app.cadence.work.service.InstanceUpgrades.UpgradeEntry;
import app.cadence.work.service.InstanceUpgrades.UpgradeOffer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The instance page's part about template versions: "Version m available" with an Upgrade button
 * (for those who may upgrade), and the upgrade history, read when opened, with Undo on the latest
 * upgrade while it can still be undone.
 */
class InstanceUpgradePanel extends Div {

    private final InstanceUpgrades upgrades;
    private final Runnable changed;
    private final HorizontalLayout banner = new HorizontalLayout();
    private final Span available = new Span();
    private final Button upgrade = new Button("Upgrade…", VaadinIcon.ARROW_CIRCLE_UP.create());
    private final Details history = new Details("Upgrade history");
    private final Div entries = new Div();
    private @Nullable Long instanceId;
    private @Nullable UpgradeOffer offer;

    InstanceUpgradePanel(InstanceUpgrades upgrades, Runnable changed) {
        this.upgrades = upgrades;
        this.changed = changed;
        addClassName("instance-upgrades");
        available.addClassNames("tag", "upgrade-available");
        upgrade.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        upgrade.addClickListener(e -> openPreview());
        banner.add(available, upgrade);
        banner.setAlignItems(FlexComponent.Alignment.BASELINE);
        history.addClassName("upgrade-history");
        history.add(entries);
        history.addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                showHistory();
            }
        });
        add(banner, history);
    }

    /** Shows the offer for the instance; the history is read again when it is open. */
    void show(Long instanceId) {
        this.instanceId = instanceId;
        Optional<UpgradeOffer> found = upgrades.available(instanceId);
        offer = found.orElse(null);
        banner.setVisible(found.isPresent());
        found.ifPresent(o -> available.setText(o.label() + " (this instance follows version " + o.fromNumber() + ")"));
        if (history.isOpened()) {
            showHistory();
        }
    }

    private void openPreview() {
        UpgradeOffer o = offer;
        if (o == null) {
            return;
        }
        try {
            new UpgradePreviewDialog(upgrades.preview(o.instanceId(), o.toVersionId()),
                    p -> upgrades.upgrade(p.instanceId(), p.toVersionId(), p.instanceVersion()),
                    result -> {
                        UserMessages.showSuccess("Upgraded to version " + result.toNumber() + ": " + result.counts()
                                + ". You can undo it from the upgrade history until someone changes an item.");
                        changed.run();
                    }).open();
        } catch (RuntimeException ex) {
            UserMessages.showError(ex);
        }
    }

    private void showHistory() {
        entries.removeAll();
        if (instanceId == null) {
            return;
        }
        List<UpgradeEntry> all = upgrades.history(instanceId);
        if (all.isEmpty()) {
            entries.add(new Span("This instance has not been upgraded: it follows the version it was applied from."));
            return;
        }
        for (UpgradeEntry entry : all) {
            Div line = new Div(new Span("Version " + entry.fromNumber() + " → " + entry.toNumber() + ": " + entry.counts() + " · by "
                    + entry.by() + ", " + UserMessages.formatTime(entry.at())
                    + (entry.undoneAt() == null ? "" : " · undone by " + entry.undoneBy() + ", " + UserMessages.formatTime(entry.undoneAt()))));
            line.addClassName("upgrade-entry");
            if (entry.undoable()) {
                Button undo = new Button("Undo", e -> confirmUndo(entry));
                undo.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                undo.addClassName("upgrade-undo");
                line.add(undo);
            }
            entries.add(line);
        }
    }

    private void confirmUndo(UpgradeEntry entry) {
        ConfirmDialog confirm = new ConfirmDialog("Undo the upgrade to version " + entry.toNumber() + "?",
                "The items go back exactly as they were on version " + entry.fromNumber() + ": what the upgrade added goes, what it removed "
                        + "comes back. The history keeps both.",
                "Undo upgrade", e -> {
                    try {
                        upgrades.undo(entry.id());
                        UserMessages.showSuccess("The upgrade is undone: the instance follows version " + entry.fromNumber() + " again.");
                        changed.run();
                    } catch (RuntimeException ex) {
                        UserMessages.showError(ex);
                        showHistory();
                    }
                });
        confirm.setCancelable(true);
        confirm.open();
    }
}
