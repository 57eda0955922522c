package app.cadence.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.lessons.domain.LessonSource;
import app.cadence.lessons.domain.Tags;
import app.cadence.shared.domain.RuleViolationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagsTest {

    @Test
    void tagsAreNormalisedAndRepeatsDropped() {
        assertThat(Tags.parse("Data Migration, #data-migration, data_migration ,Vendör,, ")).containsExactly("data-migration", "vendor");
        assertThat(Tags.stored(List.of("a", "b"))).isEqualTo(",a,b,");
        assertThat(Tags.fromStored(",a,b,")).containsExactly("a", "b");
        assertThat(Tags.fromStored(",,")).isEmpty();
        assertThat(Tags.pattern("Data Migration")).isEqualTo("%,data-migration,%");
    }

    @Test
    void tooManyOrTooLongTagsAreRefused() {
        assertThatThrownBy(() -> Tags.parse("a,b,c,d,e,f,g,h,i,j,k")).isInstanceOf(RuleViolationException.class).hasMessageContaining("at most 10");
        assertThatThrownBy(() -> Tags.parse("x".repeat(41))).isInstanceOf(RuleViolationException.class).hasMessageContaining("too long");
    }

    @Test
    void aSourceLinkIsAnInAppPath() {
        assertThat(LessonSource.retroCard(4L, "Card", "/retros/1?card=4").link()).isEqualTo("/retros/1?card=4");
        assertThatThrownBy(() -> LessonSource.retroCard(4L, "Card", "https://evil.example")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LessonSource.retroCard(4L, "Card", "//evil.example")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LessonSource("SOMETHING", null, "x", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
