@NullMarked
package app.cadence.admin.service;

import org.jspecify.annotations.NullMarked;
