/** Platform operators: the tenants themselves (create, suspend, reactivate), never their content. */
@NullMarked
package app.cadence.operator;

import org.jspecify.annotations.NullMarked;
