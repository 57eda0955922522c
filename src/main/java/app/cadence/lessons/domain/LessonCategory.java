package app.cadence.lessons.domain;

import org.springframework.modulith.NamedInterface;

/** The fixed list a lesson is filed under; tags say the rest. */
@NamedInterface("api")
public enum LessonCategory {
    PLANNING("Planning"),
    SCOPE("Scope"),
    TECHNICAL("Technical"),
    CUTOVER("Cutover"),
    COMMUNICATION("Communication"),
    TEAM("Team"),
    VENDOR("Vendor"),
    OTHER("Other");

    private final String label;

    LessonCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
