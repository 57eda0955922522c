@NullMarked
package app.cadence.work.service;

import org.jspecify.annotations.NullMarked;
