@NullMarked
package app.cadence.notify.service;

import org.jspecify.annotations.NullMarked;
