package app.cadence.template.ui;

import app.cadence.shared.domain.RuleViolationException;
import app.cadence.shared.ui.UserMessages;
import app.cadence.template.domain.ProposalState;
import app.cadence.template.service.TemplateProposals;
import app.cadence.template.service.TemplateProposals.ProposalView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.Locale;

/**
 * The template page's queue of change proposals raised from lessons: pending ones first, with
 * Accept and Decline for ADMIN/PMO; decided ones with who decided, the version that took them in
 * or the reason they were declined. Each links back to its lesson.
 */
class ProposalQueue extends VerticalLayout {

    private final TemplateProposals proposals;
    private final Long templateId;
    private final boolean author;
    private final Runnable changed;

    ProposalQueue(TemplateProposals proposals, Long templateId, boolean author, Runnable changed) {
        this.proposals = proposals;
        this.templateId = templateId;
        this.author = author;
        this.changed = changed;
        addClassName("proposal-queue");
        setPadding(false);
        refresh();
    }

    void refresh() {
        removeAll();
        List<ProposalView> all = proposals.ofTemplate(templateId);
        if (all.isEmpty()) {
            Paragraph empty = new Paragraph("No change proposals yet. Proposals are raised from lessons learned: open a lesson that "
                    + "concerns this template and choose “Propose a template change”.");
            empty.addClassName("empty-state");
            add(empty);
            return;
        }
        for (ProposalView p : all) {
            add(card(p));
        }
    }

    private Div card(ProposalView p) {
        Div card = new Div();
        card.addClassNames("proposal", "proposal-" + p.state().name().toLowerCase(Locale.ROOT));
        Span state = new Span(p.state().label());
        state.addClassNames("status-badge", p.state() == ProposalState.PENDING ? "status-proposed"
                : p.state() == ProposalState.ACCEPTED ? "status-active" : "status-closed");
        Span summary = new Span(" " + p.summary());
        summary.addClassName("proposal-summary");
        card.add(new Div(state, summary));
        if (p.details() != null) {
            Paragraph details = new Paragraph(p.details());
            details.addClassName("proposal-details");
            card.add(details);
        }
        Div meta = new Div(new Span("Proposed by " + p.proposedBy() + " on " + TemplatesView.WHEN.format(p.proposedAt())));
        if (p.lessonLink() != null) {
            meta.add(new Span(" from the lesson "));
            Anchor lesson = new Anchor(p.lessonLink().substring(1), "“" + (p.lessonTitle() == null ? "lesson" : p.lessonTitle()) + "”");
            lesson.addClassName("proposal-lesson");
            meta.add(lesson);
        }
        meta.addClassName("proposal-meta");
        card.add(meta);
        if (p.state() == ProposalState.ACCEPTED) {
            card.add(new Paragraph("Accepted by " + p.decidedBy() + (p.kind() == app.cadence.template.domain.ProposalKind.NOTE ? " (acknowledged)."
                    : p.takenIntoVersion() != null ? ": in version " + p.takenIntoVersion() + "." : ": in the draft, not yet published.")));
        } else if (p.state() == ProposalState.DECLINED) {
            card.add(new Paragraph("Declined by " + p.decidedBy() + ": " + p.declineReason()));
        } else if (author) {
            Button accept = new Button(p.kind() == app.cadence.template.domain.ProposalKind.NOTE ? "Acknowledge" : "Accept into the draft",
                    e -> accept(p));
            accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            accept.addClassName("accept-proposal");
            Button decline = new Button("Decline…", e -> decline(p));
            decline.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            decline.addClassName("decline-proposal");
            card.add(new HorizontalLayout(accept, decline));
        }
        return card;
    }

    private void accept(ProposalView p) {
        try {
            proposals.accept(p.id(), p.version());
            UserMessages.showSuccess(p.kind() == app.cadence.template.domain.ProposalKind.NOTE
                    ? "The note is acknowledged; " + p.proposedBy() + " is told."
                    : "The change is in the draft; " + p.proposedBy() + " is told. Publish the draft when it is ready.");
        } catch (RuntimeException ex) {
            UserMessages.showError(ex);
        }
        changed.run();
    }

    private void decline(ProposalView p) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Decline the proposal");
        dialog.add(new Paragraph(p.summary() + ". " + p.proposedBy() + " will read your reason."));
        TextArea reason = new TextArea("Why is it declined?");
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(2000);
        reason.setWidth("32rem");
        reason.addClassName("decline-reason");
        dialog.add(reason);
        Button confirm = new Button("Decline proposal", e -> {
            try {
                proposals.decline(p.id(), p.version(), reason.getValue());
                dialog.close();
                UserMessages.showSuccess("The proposal is declined; " + p.proposedBy() + " is told why.");
                changed.run();
            } catch (RuleViolationException ex) {
                if ("reason".equals(ex.field())) {
                    reason.setErrorMessage(ex.getMessage());
                    reason.setInvalid(true);
                } else {
                    UserMessages.showError(ex);
                }
            } catch (RuntimeException ex) {
                UserMessages.showError(ex);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.addClassName("confirm-decline");
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }
}
