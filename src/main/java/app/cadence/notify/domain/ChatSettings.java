package app.cadence.notify.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's chat webhook: the incoming-webhook address of a Slack or Teams channel (a secret: it
 * lets anyone who holds it post there) and the kinds of notice posted to it. One per tenant.
 */
@Entity
@Table(name = "chat_settings")
public class ChatSettings extends AbstractEntity {

    public static final int URL_MAX = 1000;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "webhook_url", length = URL_MAX)
    private @Nullable String webhookUrl;

    /** Kind names, comma-separated. */
    @Column(nullable = false, length = 1000)
    private String kinds = "";

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.EPOCH;

    @Column(name = "updated_by", nullable = false, length = 254)
    private String updatedBy = "";

    @Version
    private long version;

    public ChatSettings() {
    }

    public @Nullable Long getTenantId() {
        return tenantId;
    }

    public @Nullable String getWebhookUrl() {
        return webhookUrl;
    }

    public Set<NotificationKind> getKinds() {
        if (kinds.isBlank()) {
            return EnumSet.noneOf(NotificationKind.class);
        }
        Set<NotificationKind> set = EnumSet.noneOf(NotificationKind.class);
        Arrays.stream(kinds.split(",")).map(String::strip).forEach(name -> {
            try {
                set.add(NotificationKind.valueOf(name));
            } catch (IllegalArgumentException e) {
                // a kind retired since it was chosen: no longer posted
            }
        });
        return set;
    }

    public boolean posts(NotificationKind kind) {
        return webhookUrl != null && getKinds().contains(kind);
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public long getVersion() {
        return version;
    }

    public void change(@Nullable String webhookUrl, Set<NotificationKind> kinds, Instant now, String by) {
        this.webhookUrl = webhookUrl;
        this.kinds = kinds.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.updatedAt = now;
        this.updatedBy = by;
    }
}
