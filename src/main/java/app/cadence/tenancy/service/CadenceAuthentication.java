package app.cadence.tenancy.service;

import app.cadence.tenancy.domain.RoleSets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authentication of a signed-in user. Its only tenant authorities are the role of the
 * selected membership and the role sets it belongs to ({@code Role#authorities()}), so a user with no tenant selected holds no tenant role and can open no
 * tenant view or service: the session fails closed until a tenant is chosen. A platform operator
 * also holds {@link #OPERATOR_AUTHORITY}, whichever tenant is selected (or none): it opens the
 * operator console and nothing inside a tenant.
 */
@NamedInterface("api")
public final class CadenceAuthentication extends AbstractAuthenticationToken {

    public static final String OPERATOR_AUTHORITY = "ROLE_" + RoleSets.OPERATORS;

    private final CadenceUser user;
    private final @Nullable TenantSelection selection;
    private final boolean operator;

    public CadenceAuthentication(CadenceUser user, @Nullable TenantSelection selection) {
        this(user, selection, false);
    }

    public CadenceAuthentication(CadenceUser user, @Nullable TenantSelection selection, boolean operator) {
        super(authorities(selection, operator));
        this.user = user;
        this.selection = selection;
        this.operator = operator;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authorities(@Nullable TenantSelection selection, boolean operator) {
        List<GrantedAuthority> authorities = new ArrayList<>(6);
        if (selection != null) {
            selection.role().authorities().forEach(a -> authorities.add(new SimpleGrantedAuthority(a)));
        }
        if (operator) {
            authorities.add(new SimpleGrantedAuthority(OPERATOR_AUTHORITY));
        }
        return authorities;
    }

    @Override
    public CadenceUser getPrincipal() {
        return user;
    }

    @Override
    public @Nullable Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return user.email();
    }

    public @Nullable TenantSelection selection() {
        return selection;
    }

    /** Whether the user is a platform operator (read from the account at sign-in). */
    public boolean isOperator() {
        return operator;
    }

    public CadenceAuthentication withSelection(@Nullable TenantSelection newSelection) {
        CadenceAuthentication copy = new CadenceAuthentication(user, newSelection, operator);
        copy.setDetails(getDetails());
        return copy;
    }

    /**
     * The same sign-in for the same account with its profile changed (a new display name): the
     * selection, the operator flag and the sign-in details all carry over.
     */
    public CadenceAuthentication withUser(CadenceUser changed) {
        if (!changed.userId().equals(user.userId())) {
            throw new IllegalArgumentException("An authentication cannot change hands");
        }
        CadenceAuthentication copy = new CadenceAuthentication(changed, selection, operator);
        copy.setDetails(getDetails());
        return copy;
    }

    /** The same user outside any tenant, e.g. once the selected tenant has been suspended. */
    public CadenceAuthentication withoutSelection() {
        CadenceAuthentication copy = new CadenceAuthentication(user, null, operator);
        copy.setDetails(getDetails());
        return copy;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof CadenceAuthentication other && super.equals(other)
                && java.util.Objects.equals(selection, other.selection) && operator == other.operator;
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
