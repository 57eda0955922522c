@NullMarked
package app.cadence.audit.service;

import org.jspecify.annotations.NullMarked;
