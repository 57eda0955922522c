package app.cadence.template.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What changed from one version of a template to a later one, across every version between them:
 * the cumulative change (what a project on the first version would find in the last: an item
 * renamed in one version and renamed back in the next is no change), and for each change the
 * versions that made it, with their change notes.
 *
 * @param net   the first version compared with the last
 * @param steps each version after the first compared with the one before it, oldest first
 */
public record VersionRangeComparison(VersionComparison net, List<Step> steps) {

    /** One version of the range, as the comparison needs it. */
    public record Version(String label, @Nullable String changeNote, TemplateContent content) {
    }

    /** What one version changed against the version before it. */
    public record Step(String label, @Nullable String changeNote, VersionComparison comparison) {
    }

    public VersionRangeComparison {
        steps = List.copyOf(steps);
    }

    /** The versions oldest first; at least two. */
    public static VersionRangeComparison across(List<Version> versions) {
        if (versions.size() < 2) {
            throw new IllegalArgumentException("A comparison needs two versions.");
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 1; i < versions.size(); i++) {
            Version version = versions.get(i);
            steps.add(new Step(version.label(), version.changeNote(),
                    VersionComparison.between(versions.get(i - 1).content(), version.content())));
        }
        return new VersionRangeComparison(VersionComparison.between(versions.getFirst().content(), versions.getLast().content()), steps);
    }

    public boolean isEmpty() {
        return net.isEmpty();
    }

    /**
     * The versions that made this change of the cumulative comparison: those where the item saw
     * the same kind of change; when none did (a move that only shows over several versions), those
     * that touched the item at all.
     */
    public List<String> madeIn(VersionComparison.Entry entry) {
        List<String> same = labels(entry.key(), entry.change());
        return same.isEmpty() ? labels(entry.key(), null) : same;
    }

    private List<String> labels(UUID key, VersionComparison.@Nullable Change change) {
        return steps.stream()
                .filter(step -> step.comparison().entries().stream()
                        .anyMatch(e -> e.key().equals(key) && (change == null || e.change() == change)))
                .map(Step::label)
                .toList();
    }
}
