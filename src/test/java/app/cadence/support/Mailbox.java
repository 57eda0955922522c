package app.cadence.support;

import app.cadence.mail.domain.EmailKind;
import app.cadence.mail.domain.OutboxMessage;
import app.cadence.mail.service.OutboxSeal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The emails in the outbox as their recipients would read them: the text and link are opened
 * with the app's key, as the dispatcher does when it sends them. Tests use it where a person
 * clicks the link in an email (the table holds nothing usable in clear).
 */
public class Mailbox {

    /** One email as it arrives; {@code link} is the one an ADMIN may see, {@code body} the text with the emailed link. */
    public record Mail(Long id, @Nullable Long tenantId, EmailKind kind, String subject, String body, @Nullable String link) {

        /** The first link in the text, as the recipient clicks it (an invitation's carries its code). */
        public String emailedLink() {
            Matcher m = Pattern.compile("https?://\\S+").matcher(body);
            if (!m.find()) {
                throw new AssertionError("No link in the email: " + body);
            }
            return m.group();
        }

        /** The token at the end of the link's path. */
        public String token() {
            String path = java.net.URI.create(emailedLink()).getPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }

        /** An invitation's code, as given in the emailed link. */
        public String code() {
            String query = java.net.URI.create(emailedLink()).getQuery();
            if (query == null || !query.startsWith("code=")) {
                throw new AssertionError("No code in the link: " + emailedLink());
            }
            return query.substring("code=".length());
        }
    }

    private final JdbcTemplate jdbc;
    private final OutboxSeal seal;

    Mailbox(JdbcTemplate jdbc, OutboxSeal seal) {
        this.jdbc = jdbc;
        this.seal = seal;
    }

    /** Every email to the address that still holds its text (not sent, not expired), oldest first. */
    public List<Mail> to(String recipient) {
        return jdbc.query("""
                select id, tenant_id, kind, recipient, subject, sealed_body, sealed_link from outbox_message
                 where recipient = ? and sealed_body is not null order by id""", (rs, i) -> {
            EmailKind kind = EmailKind.valueOf(rs.getString("kind"));
            String context = OutboxMessage.sealContext(kind, rs.getString("recipient"));
            String link = rs.getString("sealed_link");
            Long tenantId = rs.getObject("tenant_id", Long.class);
            return new Mail(rs.getLong("id"), tenantId, kind, rs.getString("subject"),
                    seal.open(rs.getString("sealed_body"), context), link == null ? null : seal.open(link, context));
        }, recipient.strip());
    }

    /**
     * Everything the outbox table holds, every column of every row read as text, as someone
     * with a copy of the database would read it: the place to look for secrets that leaked.
     */
    public String storedText() {
        StringBuilder text = new StringBuilder();
        jdbc.query("select * from outbox_message", rs -> {
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                text.append(rs.getMetaData().getColumnName(c)).append('=').append(rs.getString(c)).append('\t');
            }
            text.append('\n');
        });
        return text.toString();
    }

    /** The last email to the address. */
    public Mail last(String recipient) {
        List<Mail> mails = to(recipient);
        if (mails.isEmpty()) {
            throw new AssertionError("No email waits for " + recipient);
        }
        return mails.getLast();
    }
}
