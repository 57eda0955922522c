package app.cadence.work.ui;

import app.cadence.shared.ui.UserMessages;
import app.cadence.work.domain.UpgradeMerge;
import app.cadence.work.service.InstanceUpgrades.UpgradePreview;
import app.cadence.work.service.InstanceUpgrades.UpgradeResult;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The preview of an upgrade: what the new version adds, removes (or keeps, with why), changes
 * field by field — the team's values it keeps flagged — and moves; then the upgrade on confirm.
 */
class UpgradePreviewDialog extends Dialog {

    /** Lines shown per part: a preview of a whole new runbook stays quick to open. */
    static final int SHOWN = 200;
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);

    UpgradePreviewDialog(UpgradePreview preview, Function<UpgradePreview, UpgradeResult> upgrade, Consumer<UpgradeResult> done) {
        setHeaderTitle("Upgrade “" + preview.instanceName() + "” to version " + preview.toNumber());
        setWidth("min(48rem, 95vw)");
        addClassName("upgrade-preview");
        Div body = new Div();
        body.add(new Paragraph(summary(preview)));
        if (preview.blockedBy() != null) {
            Paragraph blocked = new Paragraph(preview.blockedBy());
            blocked.addClassNames("upgrade-blocked", "tag", "tag-critical");
            body.add(blocked);
        }
        if (!preview.added().isEmpty()) {
            body.add(list("Added (" + preview.added().size() + ")", preview.added().stream()
                    .map(a -> line(a.title(), a.sectionTitle() + (a.due() == null ? "" : " · due " + DUE.format(a.due().atZone(preview.zone())))))
                    .toList()));
        }
        if (!preview.removed().isEmpty()) {
            body.add(list("Removed (" + preview.removed().size() + ")", preview.removed().stream()
                    .map(r -> r.kept()
                            ? line(r.title(), "Kept, marked “No longer in the template”: " + r.whyKept())
                            : line(r.title(), "Removed: nobody worked on it"))
                    .toList()));
        }
        if (!preview.changed().isEmpty()) {
            body.add(list("Changed (" + preview.changed().size() + ")", preview.changed().stream().map(UpgradePreviewDialog::changed).toList()));
        }
        if (!preview.moved().isEmpty()) {
            body.add(list("Moved (" + preview.moved().size() + ")", preview.moved().stream()
                    .map(m -> line(m.title(), m.sectionChanged() ? m.fromSection() + " → " + m.toSection() : "New place in " + m.toSection()))
                    .toList()));
        }
        add(body);

        Button cancel = new Button("Cancel", e -> close());
        Button confirm = new Button("Upgrade to version " + preview.toNumber());
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(preview.blockedBy() == null);
        confirm.addClickListener(e -> {
            try {
                UpgradeResult result = upgrade.apply(preview);
                close();
                done.accept(result);
            } catch (RuntimeException ex) {
                UserMessages.showError(ex);
                confirm.setEnabled(true);
            }
        });
        confirm.setDisableOnClick(true);
        getFooter().add(cancel, confirm);
    }

    static String summary(UpgradePreview p) {
        if (p.changesNothing()) {
            return "Version " + p.toNumber() + " changes none of this instance's items; upgrading records that it follows version "
                    + p.toNumber() + ".";
        }
        List<String> parts = new ArrayList<>();
        parts.add(p.added().size() + " added");
        parts.add((p.removed().size() - p.kept()) + " removed");
        if (p.kept() > 0) {
            parts.add(p.kept() + " kept outside the template");
        }
        parts.add(p.changed().size() + " changed");
        parts.add(p.moved().size() + " moved");
        return "From version " + p.fromNumber() + " to " + p.toNumber() + ": " + String.join(", ", parts)
                + ". Status, assignees, notes and evidence stay; nothing the team did is lost. You can undo the upgrade from the "
                + "instance's upgrade history until someone changes an item.";
    }

    private static Component changed(UpgradeMerge.Changed c) {
        ListItem item = new ListItem();
        Span title = new Span(c.title());
        title.addClassName("upgrade-item-title");
        item.add(title);
        UnorderedList fields = new UnorderedList();
        c.fields().forEach(f -> fields.add(new ListItem(f.field() + ": " + shown(f.before()) + " → " + shown(f.after()))));
        c.kept().forEach(k -> {
            Span kept = new Span("Team's " + k.field().label().toLowerCase(Locale.ROOT) + " kept: " + k.note());
            kept.addClassNames("tag", "upgrade-kept");
            fields.add(new ListItem(kept));
        });
        item.add(fields);
        return item;
    }

    private static String shown(String value) {
        if (value.isEmpty()) {
            return "(none)";
        }
        String oneLine = value.replace('\n', ' ');
        return oneLine.length() > 120 ? oneLine.substring(0, 117) + "…" : oneLine;
    }

    private static Component line(String title, String detail) {
        ListItem item = new ListItem();
        Span name = new Span(title);
        name.addClassName("upgrade-item-title");
        item.add(name, new Span(" — " + detail));
        return item;
    }

    private static Component list(String heading, List<Component> lines) {
        Div part = new Div(new H3(heading));
        part.addClassName("upgrade-part");
        UnorderedList list = new UnorderedList();
        lines.stream().limit(SHOWN).forEach(list::add);
        if (lines.size() > SHOWN) {
            list.add(new ListItem("… and " + (lines.size() - SHOWN) + " more."));
        }
        part.add(list);
        return part;
    }
}
