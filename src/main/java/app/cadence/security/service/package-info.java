@NullMarked
package app.cadence.security.service;

import org.jspecify.annotations.NullMarked;
