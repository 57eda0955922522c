package app.cadence.lessons.ui;

import app.cadence.lessons.domain.LessonSource;
import app.cadence.lessons.service.LessonDetails;
import app.cadence.lessons.service.Lessons;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.ui.UserMessages;
import app.cadence.template.domain.ProposalState;
import app.cadence.template.service.TemplateProposals.ProposalView;
import app.cadence.tenancy.domain.RoleSets;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One lesson: what happened, its impact and recommendation, where it came from (linked back), the
 * template and project it concerns, and the template changes proposed from it with their outcome.
 */
@Route("lessons")
@RolesAllowed(RoleSets.MEMBERS)
public class LessonView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final Lessons lessons;
    private @Nullable LessonDetails lesson;

    LessonView(Lessons lessons) {
        this.lessons = lessons;
        addClassName("lesson-view");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        try {
            show(lessons.details(id));
        } catch (RecordNotFoundException e) {
            throw new NotFoundException();
        }
    }

    @Override
    public String getPageTitle() {
        return (lesson == null ? "Lesson" : lesson.title()) + " · Cadence";
    }

    private void show(LessonDetails l) {
        this.lesson = l;
        removeAll();
        add(new RouterLink("← Lessons learned", LessonsView.class));
        H2 heading = new H2(l.title());
        Span category = new Span(l.category().label());
        category.addClassNames("status-badge", "status-proposed");
        heading.add(new Span(" "), category);
        add(heading);
        Paragraph meta = new Paragraph("Recorded by " + l.recordedBy() + " on " + UserMessages.formatTime(l.recordedAt())
                + (l.tags().isEmpty() ? "" : " · tags: " + String.join(", ", l.tags())));
        meta.addClassName("lesson-meta");
        add(meta);
        add(block("What happened", l.whatHappened(), "lesson-what"));
        if (l.impact() != null) {
            add(block("Impact", l.impact(), "lesson-impact"));
        }
        if (l.recommendation() != null) {
            add(block("Recommendation", l.recommendation(), "lesson-recommendation"));
        }
        Div links = new Div();
        links.addClassName("lesson-links");
        Div source = new Div(new Span("From: "));
        source.addClassName("lesson-source");
        source.add(l.source().link() == null ? new Span(l.source().label())
                : new Anchor(l.source().link().substring(1), l.source().label()));
        if (!LessonSource.MANUAL.equals(l.source().kind())) {
            source.add(new Span(" (" + l.source().kindLabel().toLowerCase(Locale.ROOT) + ")"));
        }
        links.add(source);
        if (l.projectLabel() != null) {
            Div project = new Div(new Span("Project: "), l.projectId() == null ? new Span(l.projectLabel() + " (deleted)")
                    : new Anchor("projects/" + l.projectId(), l.projectLabel()));
            project.addClassName("lesson-project");
            links.add(project);
        }
        if (l.templateId() != null) {
            Div template = new Div(new Span("Template: "), new Anchor("templates/" + l.templateId(), String.valueOf(l.templateName())));
            if (l.itemTitle() != null) {
                template.add(new Span(" › " + l.itemTitle()));
            }
            template.addClassName("lesson-template");
            links.add(template);
        }
        add(links);
        add(proposals(l));
    }

    private Component proposals(LessonDetails l) {
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        section.addClassName("lesson-proposals");
        section.add(new H3("Template change proposals"));
        if (l.proposals().isEmpty()) {
            section.add(new Paragraph(l.templateId() == null ? "This lesson concerns no template."
                    : "None yet. Propose a change to “" + l.templateName() + "” when the lesson should change how projects work."));
        }
        for (ProposalView p : l.proposals()) {
            String outcome = switch (p.state()) {
                case PENDING -> "pending: waiting for the template's owners";
                case ACCEPTED -> "accepted by " + p.decidedBy() + (p.takenIntoVersion() != null ? ", in version " + p.takenIntoVersion()
                        : p.kind() == app.cadence.template.domain.ProposalKind.NOTE ? " (acknowledged)" : ", in the draft");
                case DECLINED -> "declined by " + p.decidedBy() + ": " + p.declineReason();
            };
            Paragraph line = new Paragraph(p.summary() + " — " + outcome);
            line.addClassNames("lesson-proposal", p.state() == ProposalState.PENDING ? "pending" : "decided");
            section.add(line);
        }
        if (l.canPropose()) {
            Button propose = new Button("Propose a template change…", e -> new ProposeChangeDialog(lessons, l, () -> show(lessons.details(l.id())))
                    .open());
            propose.addClassName("propose-change");
            section.add(propose);
        }
        return section;
    }

    private static Component block(String label, String text, String className) {
        Div block = new Div(new H3(label), new Paragraph(text));
        block.addClassName(className);
        return block;
    }
}
