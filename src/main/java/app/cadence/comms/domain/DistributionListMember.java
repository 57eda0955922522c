package app.cadence.comms.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** One person on a list: a member of the organisation (by user account) or a stakeholder of one of its projects. */
@Entity
@Table(name = "distribution_list_member")
public class DistributionListMember extends AbstractEntity {

    /** Who {@code refId} names. */
    @NamedInterface("api")
    public enum Kind {
        MEMBER("member"),
        STAKEHOLDER("stakeholder");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "list_id", nullable = false, updatable = false)
    private Long listId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "member_kind", nullable = false, length = 20, updatable = false)
    private Kind kind;

    @Column(name = "ref_id", nullable = false, updatable = false)
    private Long refId;

    @Column(name = "added_at", nullable = false, updatable = false)
    private Instant addedAt;

    @Column(name = "added_by", nullable = false, length = 254, updatable = false)
    private String addedBy;

    protected DistributionListMember() {
        this.listId = 0L;
        this.kind = Kind.MEMBER;
        this.refId = 0L;
        this.addedAt = Instant.EPOCH;
        this.addedBy = "";
    }

    public DistributionListMember(Long listId, Kind kind, Long refId, Instant addedAt, String addedBy) {
        this.listId = listId;
        this.kind = kind;
        this.refId = refId;
        this.addedAt = addedAt;
        this.addedBy = addedBy;
    }

    public Long getListId() {
        return listId;
    }

    public Kind getKind() {
        return kind;
    }

    public Long getRefId() {
        return refId;
    }
}
