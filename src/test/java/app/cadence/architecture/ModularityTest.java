package app.cadence.architecture;

import app.cadence.CadenceApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
    static final Path DOCS = Path.of("docs", "modules");

    @Test
    void modulesUseEachOtherOnlyThroughTheirDeclaredInterfaces() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path diagram : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                Files.write(diagram, inStableOrder(Files.readAllLines(diagram)));
            }
        }
    }

    /**
     * The Documenter writes a diagram's components and relations in no fixed order: each run of
     * consecutive component lines and of relation lines sorted, the committed files change only
     * when the modules do, not on every build.
     */
    static List<String> inStableOrder(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        List<String> run = new ArrayList<>();
        String kind = null;
        for (String line : lines) {
            String lineKind = sortable(line);
            if (lineKind != null && lineKind.equals(kind)) {
                run.add(line);
                continue;
            }
            run.sort(null);
            out.addAll(run);
            run.clear();
            kind = lineKind;
            if (lineKind != null) {
                run.add(line);
            } else {
                out.add(line);
            }
        }
        run.sort(null);
        out.addAll(run);
        return out;
    }

    private static String sortable(String line) {
        String trimmed = line.strip();
        return trimmed.startsWith("Rel(") ? "Rel" : trimmed.startsWith("Component(") ? "Component" : null;
    }
}
