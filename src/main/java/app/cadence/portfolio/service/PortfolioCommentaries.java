package app.cadence.portfolio.service;

import app.cadence.audit.service.AuditTrail;
import app.cadence.portfolio.domain.PortfolioCommentary;
import app.cadence.portfolio.domain.PortfolioCommentaryRepository;
import app.cadence.shared.domain.ConcurrentChangeException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The PMO's commentary on the portfolio: everyone reads it, ADMIN and PMO write it. */
@Service
@Transactional(readOnly = true)
@RolesAllowed(RoleSets.MEMBERS)
public class PortfolioCommentaries {

    /** The version of a commentary nobody has written yet. */
    public static final long NONE = -1;

    /** The commentary as shown: empty with {@link #NONE} as version when nobody wrote one. */
    public record Commentary(String text, @Nullable String updatedBy, @Nullable Instant updatedAt, long version) {
        public boolean written() {
            return version != NONE;
        }
    }

    private final PortfolioCommentaryRepository commentaries;
    private final Clock clock;
    private final AuditTrail audit;

    PortfolioCommentaries(PortfolioCommentaryRepository commentaries, Clock clock, AuditTrail audit) {
        this.commentaries = commentaries;
        this.clock = clock;
        this.audit = audit;
    }

    /** Whether the signed-in member may write the commentary (ADMIN, PMO). */
    public boolean mayEdit() {
        return TenantContext.currentSelection().map(s -> s.role().sets().contains(RoleSets.PORTFOLIO_OFFICE)).orElse(false);
    }

    public Commentary current() {
        return commentaries.findOfTenant(TenantContext.requireTenantId())
                .map(c -> new Commentary(c.getText(), c.getUpdatedBy(), c.getUpdatedAt(), c.getVersion()))
                .orElse(new Commentary("", null, null, NONE));
    }

    /** Saves the text over the version the writer started from; someone else's save in between is refused, naming them. */
    @Transactional
    @RolesAllowed(RoleSets.PORTFOLIO_OFFICE)
    public Commentary save(String text, long version) {
        String clean = text.strip();
        if (clean.length() > PortfolioCommentary.TEXT_MAX) {
            throw new RuleViolationException("commentary", "The commentary can be at most " + PortfolioCommentary.TEXT_MAX
                    + " characters; it has " + clean.length() + ".");
        }
        Long tenantId = TenantContext.requireTenantId();
        Instant now = clock.instant();
        String by = TenantContext.currentUserName();
        PortfolioCommentary commentary = commentaries.findOfTenant(tenantId).orElse(null);
        String before = null;
        if (commentary == null) {
            if (version != NONE) {
                throw new RuleViolationException("commentary", "The commentary was removed meanwhile. Save again to write it anew.");
            }
            try {
                commentary = commentaries.saveAndFlush(new PortfolioCommentary(clean, now, by));
            } catch (DataIntegrityViolationException e) {
                throw new ConcurrentChangeException("The portfolio commentary", "Someone else", now);
            }
        } else {
            if (commentary.getVersion() != version) {
                throw new ConcurrentChangeException("The portfolio commentary", commentary.getUpdatedBy(), commentary.getUpdatedAt());
            }
            before = commentary.getText();
            commentary.rewrite(clean, now, by);
            commentaries.flush();
        }
        audit.changed("PORTFOLIO_COMMENTARY", Objects.requireNonNull(commentary.getId()), null, "Commentary",
                before == null ? null : shorten(before), shorten(clean));
        return new Commentary(commentary.getText(), commentary.getUpdatedBy(), commentary.getUpdatedAt(), commentary.getVersion());
    }

    private static String shorten(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }
}
