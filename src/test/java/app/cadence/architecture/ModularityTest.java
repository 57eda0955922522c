package app.cadence.architecture;

import app.cadence.CadenceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure, stated once and kept true: every feature package is a Spring Modulith
 * module, others reach it only through what it declares (its named interfaces), a module uses
 * only the modules its {@code package-info.java} allows, and there are no cycles. The
 * documentation it writes (a diagram per module and for the whole) is what
 * docs/architecture.md links to.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(CadenceApplication.class);

    @Test
    void modulesUseEachOtherOnlyThroughTheirDeclaredInterfaces() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
