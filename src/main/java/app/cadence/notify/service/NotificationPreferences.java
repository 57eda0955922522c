package app.cadence.notify.service;

import app.cadence.notify.domain.EmailDelivery;
import app.cadence.notify.domain.NotificationKind;
import app.cadence.notify.domain.NotificationPreference;
import app.cadence.notify.domain.NotificationPreferenceRepository;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.CadenceUser;
import app.cadence.tenancy.service.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How each member hears of each kind of notice by email, per organisation: immediately (the
 * default), in the daily digest, or not at all. A person sees and changes only their own choices
 * in the current organisation; a consultant chooses separately in each client's.
 */
@Service
public class NotificationPreferences {

    /** The kinds a person chooses for, in the order the settings page lists them. */
    public static final List<NotificationKind> CHOOSABLE = List.of(NotificationKind.values());

    private final NotificationPreferenceRepository preferences;

    NotificationPreferences(NotificationPreferenceRepository preferences) {
        this.preferences = preferences;
    }

    /** The signed-in person's choice for every kind, the default filled in. */
    @RolesAllowed(RoleSets.MEMBERS)
    @Transactional(readOnly = true)
    public Map<NotificationKind, EmailDelivery> mine() {
        Map<NotificationKind, EmailDelivery> choices = new EnumMap<>(NotificationKind.class);
        CHOOSABLE.forEach(kind -> choices.put(kind, EmailDelivery.IMMEDIATELY));
        preferences.findOwn(TenantContext.requireTenantId(), me()).forEach(p -> choices.put(p.getKind(), p.getDelivery()));
        return choices;
    }

    /** Saves the signed-in person's choices (kinds not named keep theirs); returns how many changed. */
    @RolesAllowed(RoleSets.MEMBERS)
    @Transactional
    public int save(Map<NotificationKind, EmailDelivery> choices) {
        Long tenantId = TenantContext.requireTenantId();
        Long me = me();
        Map<NotificationKind, NotificationPreference> stored = new EnumMap<>(NotificationKind.class);
        preferences.findOwn(tenantId, me).forEach(p -> stored.put(p.getKind(), p));
        int changed = 0;
        for (Map.Entry<NotificationKind, EmailDelivery> choice : choices.entrySet()) {
            NotificationPreference existing = stored.get(choice.getKey());
            if (existing == null) {
                if (choice.getValue() != EmailDelivery.IMMEDIATELY) {
                    preferences.save(new NotificationPreference(me, choice.getKey(), choice.getValue()));
                    changed++;
                }
            } else if (existing.getDelivery() != choice.getValue()) {
                existing.choose(choice.getValue());
                changed++;
            }
        }
        return changed;
    }

    /** The recipients' choices for one kind in the given tenant; those without a row want it immediately. */
    @Transactional(propagation = Propagation.MANDATORY)
    Map<Long, EmailDelivery> deliveries(Long tenantId, NotificationKind kind, Collection<Long> userIds) {
        Map<Long, EmailDelivery> result = new HashMap<>();
        if (!userIds.isEmpty()) {
            preferences.findFor(tenantId, kind, userIds).forEach(p -> result.put(p.getUserId(), p.getDelivery()));
        }
        return result;
    }

    private static Long me() {
        return TenantContext.currentUser().map(CadenceUser::userId)
                .orElseThrow(() -> new AccessDeniedException("Sign in first."));
    }
}
