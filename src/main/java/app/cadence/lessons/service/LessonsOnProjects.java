package app.cadence.lessons.service;

import app.cadence.lessons.domain.LessonRepository;
import app.cadence.project.events.ProjectChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lessons outlive their project: what was learned stays in the library when a project is
 * deleted. Followed in the project's own transaction (a plain listener, like the work module's), so
 * no lesson links to a project that is gone; it keeps the project's key and name as its label.
 */
@Component
class LessonsOnProjects {

    private final LessonRepository lessons;

    LessonsOnProjects(LessonRepository lessons) {
        this.lessons = lessons;
    }

    @EventListener
    void on(ProjectChanged change) {
        if (change.change() == ProjectChanged.Change.DELETED) {
            lessons.forgetProject(change.tenantId(), change.projectId());
        }
    }
}
