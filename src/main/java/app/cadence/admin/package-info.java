/**
 * Administration of an organisation by its ADMIN: its settings (display name, time zone, accent
 * colour, logo) today; members come with the rest of issue C5.
 */
@NullMarked
package app.cadence.admin;

import org.jspecify.annotations.NullMarked;
