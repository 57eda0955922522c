/**
 * Member and organisation administration for a tenant's ADMIN: members, invitations and
 * their acceptance (see docs/user-guide.md, "Administration").
 */
@NullMarked
package app.cadence.admin;

import org.jspecify.annotations.NullMarked;
