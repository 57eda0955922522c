package app.cadence.template.domain;

import app.cadence.shared.domain.RuleViolationException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.modulith.NamedInterface;

/**
 * The subject and Markdown body a communication is drafted from, with {@link MessagePlaceholder}s
 * such as {@code {{health.reason}}}. A template is refused, naming the placeholder, when it uses a
 * name Cadence does not know or leaves braces open, so that no message goes out with a literal
 * "{{helth}}" in it.
 */
@NamedInterface("api")
public record MessageTemplate(String subject, String body) {

    public static final int SUBJECT_MAX = 200;
    public static final int BODY_MAX = 20_000;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    public MessageTemplate {
        subject = subject.strip();
        if (subject.isEmpty()) {
            throw new RuleViolationException("subject", "A message needs a subject.");
        }
        if (subject.length() > SUBJECT_MAX || subject.contains("\n")) {
            throw new RuleViolationException("subject", "The subject is one line of at most " + SUBJECT_MAX + " characters.");
        }
        if (body.length() > BODY_MAX) {
            throw new RuleViolationException("body", "The message is at most " + BODY_MAX + " characters.");
        }
        check("subject", subject);
        check("body", body);
    }

    /** Every placeholder the subject and body use. */
    public Set<MessagePlaceholder> placeholders() {
        Set<MessagePlaceholder> used = EnumSet.noneOf(MessagePlaceholder.class);
        for (String text : new String[] {subject, body}) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                used.add(MessagePlaceholder.byToken(m.group(1)).orElseThrow());
            }
        }
        return used;
    }

    /**
     * The subject and body with each placeholder replaced by its value (a missing value becomes
     * an empty string). The result is a message, not a template: values may quote anything.
     */
    public FilledMessage fill(Map<MessagePlaceholder, String> values) {
        Function<String, String> fill = text -> PLACEHOLDER.matcher(text).replaceAll(m ->
                Matcher.quoteReplacement(values.getOrDefault(MessagePlaceholder.byToken(m.group(1)).orElseThrow(), "")));
        String filledSubject = fill.apply(subject).replaceAll("\\s+", " ").strip();
        return new FilledMessage(filledSubject.isEmpty() ? "(no subject)" : filledSubject, fill.apply(body));
    }

    /** A message with its placeholders filled in: subject on one line, body in Markdown. */
    public record FilledMessage(String subject, String body) {
    }

    private static void check(String field, String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (MessagePlaceholder.byToken(name).isEmpty()) {
                throw new RuleViolationException(field, "Unknown placeholder {{" + name + "}} in the " + field
                        + ". Known: " + String.join(", ", Arrays.stream(MessagePlaceholder.values()).map(MessagePlaceholder::token).toList()) + ".");
            }
        }
        if (PLACEHOLDER.matcher(text).replaceAll("").contains("{{")) {
            throw new RuleViolationException(field, "The " + field + " has “{{” without a closing “}}”.");
        }
    }
}
