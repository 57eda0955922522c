package app.cadence.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.shared.SafeMarkdown;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.template.domain.MessagePlaceholder;
import app.cadence.template.domain.MessageTemplate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageTemplateTest {

    @Test
    void placeholdersAreFilledFromLiveValuesWhereverTheyAppear() {
        MessageTemplate template = new MessageTemplate("{{project.name}} — weekly update", "Health: **{{ health }}** because {{health.reason}}\n\n{{milestones.next30}}");

        assertThat(template.placeholders()).containsExactlyInAnyOrder(MessagePlaceholder.PROJECT_NAME, MessagePlaceholder.HEALTH,
                MessagePlaceholder.HEALTH_REASON, MessagePlaceholder.MILESTONES_NEXT_30);
        MessageTemplate.FilledMessage message = template.fill(Map.of(MessagePlaceholder.PROJECT_NAME, "CRM rollout",
                MessagePlaceholder.HEALTH, "Amber", MessagePlaceholder.HEALTH_REASON, "3 items overdue"));
        assertThat(message.subject()).isEqualTo("CRM rollout — weekly update");
        assertThat(message.body()).isEqualTo("Health: **Amber** because 3 items overdue\n\n");
    }

    @Test
    void anUnknownPlaceholderIsRefusedWithItsName() {
        assertThatThrownBy(() -> new MessageTemplate("Update", "Health: {{helth}}"))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("Unknown placeholder {{helth}} in the body")
                .satisfies(e -> assertThat(((RuleViolationException) e).field()).isEqualTo("body"));
        assertThatThrownBy(() -> new MessageTemplate("{{project}} update", "")).hasMessageContaining("{{project}} in the subject");
    }

    @Test
    void bracesLeftOpenAreRefused() {
        assertThatThrownBy(() -> new MessageTemplate("Update", "Dear {{ all, {{project.name}} is live"))
                .hasMessageContaining("without a closing");
    }

    @Test
    void aValueThatLooksLikeAPlaceholderIsQuotedNotExpandedAgain() {
        MessageTemplate.FilledMessage message = new MessageTemplate("{{project.name}}", "{{items.blocked}}")
                .fill(Map.of(MessagePlaceholder.PROJECT_NAME, "{{health}}\nsecond line", MessagePlaceholder.ITEMS_BLOCKED, "{{health}}"));
        assertThat(message.subject()).isEqualTo("{{health}} second line");
        assertThat(message.body()).isEqualTo("{{health}}");
    }

    @Test
    void renderedMarkdownKeepsFormattingButNoScriptOrRawHtml() {
        String html = SafeMarkdown.toHtml("""
                **Go-live** on Friday — see [the plan](https://example.com/plan)
                <script>alert(1)</script>
                <img src=x onerror=alert(2)>

                [click](javascript:alert(3))
                """);
        assertThat(html).contains("<strong>Go-live</strong>").contains("href=\"https://example.com/plan\"")
                .doesNotContain("<script").doesNotContain("<img").doesNotContain("href=\"javascript").contains("click").doesNotContain("onerror=\"");
    }
}
