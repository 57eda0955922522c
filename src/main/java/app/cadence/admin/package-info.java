/**
 * Administration of an organisation by its ADMIN: members, invitations and their acceptance,
 * and the organisation's settings (display name, time zone, accent colour, logo).
 */
@NullMarked
package app.cadence.admin;

import org.jspecify.annotations.NullMarked;
