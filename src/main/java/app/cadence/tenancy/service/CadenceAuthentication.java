package app.cadence.tenancy.service;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authentication of a signed-in user. Its only role authority is the role of the selected
 * membership, so a user with no tenant selected holds no role and can open no role-secured view
 * or service: the session fails closed until a tenant is chosen.
 */
public final class CadenceAuthentication extends AbstractAuthenticationToken {

    private final CadenceUser user;
    private final @Nullable TenantSelection selection;

    public CadenceAuthentication(CadenceUser user, @Nullable TenantSelection selection) {
        super(selection == null ? List.of() : List.of(new SimpleGrantedAuthority(selection.role().authority())));
        this.user = user;
        this.selection = selection;
        setAuthenticated(true);
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

    public CadenceAuthentication withSelection(@Nullable TenantSelection newSelection) {
        CadenceAuthentication copy = new CadenceAuthentication(user, newSelection);
        copy.setDetails(getDetails());
        return copy;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof CadenceAuthentication other && super.equals(other)
                && java.util.Objects.equals(selection, other.selection);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
