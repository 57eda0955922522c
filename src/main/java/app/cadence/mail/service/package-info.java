@NullMarked
package app.cadence.mail.service;

import org.jspecify.annotations.NullMarked;
