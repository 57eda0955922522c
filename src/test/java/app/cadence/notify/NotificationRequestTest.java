package app.cadence.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.notify.domain.NotificationKind;
import app.cadence.notify.service.NotificationRequest;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What a caller may send: an in-app path as the link, a tidy title and body, a one-line key. */
class NotificationRequestTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/path", "instances/42", "/in stances", "/a\\b", "", "javascript:alert(1)"})
    void aLinkIsAPathInsideCadence(String link) {
        assertThatThrownBy(() -> NotificationRequest.to(1L, NotificationKind.GENERIC, "Title").withLink(link))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPathWithAQueryIsALink() {
        assertThat(NotificationRequest.to(1L, NotificationKind.GENERIC, "Title").withLink("/instances/42?item=7").link())
                .isEqualTo("/instances/42?item=7");
    }

    @Test
    void titleAndBodyAreTidiedNotRefused() {
        NotificationRequest request = NotificationRequest.to(1L, NotificationKind.STEP_LATE, "  “Load\tdata”\nis late  ")
                .withBody("Line one\nline two\u0007" + "x".repeat(2000));
        assertThat(request.title()).isEqualTo("“Load data” is late");
        assertThat(request.body()).startsWith("Line one\nline two x").hasSize(1000).endsWith("…");
        assertThat(NotificationRequest.to(1L, NotificationKind.GENERIC, "t".repeat(300)).title()).hasSize(200).endsWith("…");
        assertThat(NotificationRequest.to(1L, NotificationKind.GENERIC, "Title").withBody("   ").body()).isNull();
    }

    @Test
    void aRequestNeedsARecipientATitleAndAOneLineKey() {
        assertThatThrownBy(() -> new NotificationRequest(Set.of(), NotificationKind.GENERIC, "Title", null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NotificationRequest.to(1L, NotificationKind.GENERIC, " \n "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NotificationRequest.to(1L, NotificationKind.GENERIC, "Title").withDedupeKey("a\nb"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NotificationRequest.to(1L, NotificationKind.GENERIC, "Title").withDedupeKey("k".repeat(201)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
