package app.cadence.operator.ui;

import org.springframework.modulith.NamedInterface;

/**
 * A page of the operator console. The main layout opens these without a selected tenant: an
 * operator need not belong to any organisation, and these pages show none of one's content.
 */
@NamedInterface("ui")
public interface OperatorPage {
}
