package app.cadence.home.service;

import app.cadence.home.domain.CalendarFeed;
import app.cadence.home.domain.CalendarFeedRepository;
import app.cadence.home.domain.IcsCalendar;
import app.cadence.shared.PublicLinks;
import app.cadence.tenancy.service.CadenceUser;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantSelectionService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person's secret iCalendar feed of their dates across their organisations (issue C13): what
 * the home page shows that has a date — items, cutover steps, communications, retro actions,
 * go-lives and runs — read at each request inside each organisation where the person is still an
 * active member, so that a membership ended, deactivated or suspended takes its dates out at the
 * calendar's next refresh. The secret is 256 random bits, shown once; only its hash is kept.
 */
@NamedInterface("api")
@Service
public class CalendarFeeds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final CalendarFeedRepository feeds;
    private final AcrossOrganisations home;
    private final TenantSelectionService selection;
    private final PublicLinks links;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CalendarFeeds(CalendarFeedRepository feeds, AcrossOrganisations home, TenantSelectionService selection, PublicLinks links,
                  TransactionTemplate transactions, Clock clock) {
        this.feeds = feeds;
        this.home = home;
        this.selection = selection;
        this.links = links;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Since when the signed-in person's feed works; empty when they have none. */
    public Optional<Instant> activeSince() {
        Long me = me().userId();
        return transactions.execute(s -> feeds.findOfUser(me).map(CalendarFeed::getCreatedAt));
    }

    /** A new secret address for the signed-in person's feed; any previous one stops working. Shown once. */
    public String createOrRotate() {
        Long me = me().userId();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        transactions.executeWithoutResult(s -> feeds.findOfUser(me).ifPresentOrElse(f -> f.rotate(hash(secret), now),
                () -> feeds.save(new CalendarFeed(me, hash(secret), now))));
        return links.to("calendar/" + secret + ".ics");
    }

    /** Stops the signed-in person's feed: its address gets "not found" from now on. */
    public void revoke() {
        Long me = me().userId();
        transactions.executeWithoutResult(s -> feeds.deleteOfUser(me));
    }

    /** The feed behind a secret, as an iCalendar document; empty for an unknown, revoked or malformed secret. */
    public Optional<String> calendar(String secret) {
        if (!SECRET.matcher(secret).matches()) {
            return Optional.empty();
        }
        Optional<Long> owner = transactions.execute(s -> feeds.findBySecretHash(hash(secret)).map(CalendarFeed::getUserId));
        if (owner == null || owner.isEmpty()) {
            return Optional.empty();
        }
        Long userId = owner.get();
        List<OrganisationPart> parts = home.partsOf(userId, selection.choicesOf(userId));
        IcsCalendar ics = new IcsCalendar("Cadence", clock.instant());
        for (HomeRow row : AcrossOrganisations.merged(parts)) {
            if (row.when() == null || row.kind() == HomeRowKind.NOTIFICATION) {
                continue;
            }
            String uid = row.kind().name().toLowerCase() + "-" + row.tenantId() + "-" + row.target().replaceAll("[^A-Za-z0-9]+", "-") + "@cadence";
            ics.event(uid, "[" + row.organisation() + "] " + row.title(), row.kind().label() + " · " + row.where(), row.when(), row.dateOnly(),
                    links.to(row.target()));
        }
        return Optional.of(ics.end());
    }

    private static CadenceUser me() {
        return TenantContext.currentUser().orElseThrow(() -> new IllegalStateException("Nobody is signed in."));
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
