package app.cadence.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.mail.domain.DeliveryStatus;
import app.cadence.mail.domain.EmailKind;
import app.cadence.mail.domain.OutboxMessage;
import app.cadence.mail.domain.RetrySchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    final RetrySchedule schedule = new RetrySchedule(Duration.ofMinutes(1), Duration.ofHours(1), 30);

    @Test
    void delaysDoubleUpToTheCap() {
        assertThat(IntStream.rangeClosed(1, 9).mapToObj(schedule::delayAfter).map(Duration::toMinutes))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
        assertThat(schedule.delayAfter(1_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aMessageIsRetriedUntilTheLastAttemptThenGivenUp() {
        Instant now = Instant.parse("2026-03-02T09:00:00Z");
        RetrySchedule three = new RetrySchedule(Duration.ofMinutes(1), Duration.ofHours(1), 3);
        OutboxMessage message = new OutboxMessage(1L, EmailKind.INVITATION, "a@example.com", "Join", "sealed body", null, null, now);

        message.failed(now, "Connection refused", three, false);
        assertThat(message.getStatus()).isEqualTo(DeliveryStatus.FAILED_RETRYING);
        assertThat(message.getNextAttemptAt()).isEqualTo(now.plus(Duration.ofMinutes(1)));
        message.failed(now, "Connection refused", three, false);
        assertThat(message.getNextAttemptAt()).isEqualTo(now.plus(Duration.ofMinutes(2)));
        message.failed(now, "x".repeat(5_000), three, false);

        assertThat(message.getStatus()).isEqualTo(DeliveryStatus.GAVE_UP);
        assertThat(message.getAttempts()).isEqualTo(3);
        assertThat(message.getNextAttemptAt()).isNull();
        assertThat(message.getLastError()).hasSize(OutboxMessage.ERROR_MAX).endsWith("…");
    }

    @Test
    void aPermanentFailureGivesUpAtOnceAndOnlyAGivenUpMessageCanBeRetried() {
        Instant now = Instant.parse("2026-03-02T09:00:00Z");
        OutboxMessage message = new OutboxMessage(null, EmailKind.PASSWORD_RESET, "a@example.com", "Reset", "sealed body", null, null, now);
        assertThatThrownBy(() -> message.retry(now)).isInstanceOf(IllegalStateException.class);

        message.failed(now, "Invalid address", schedule, true);
        assertThat(message.getStatus()).isEqualTo(DeliveryStatus.GAVE_UP);

        message.retry(now.plusSeconds(60));
        assertThat(message.getStatus()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(message.getAttempts()).isZero();
        assertThat(message.getNextAttemptAt()).isEqualTo(now.plusSeconds(60));
    }
}
