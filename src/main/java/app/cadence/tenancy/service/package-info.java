@NullMarked
package app.cadence.tenancy.service;

import org.jspecify.annotations.NullMarked;
