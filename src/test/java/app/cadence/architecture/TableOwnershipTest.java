package app.cadence.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every table has one owner (C6): only the module that owns a table names it in SQL, and only
 * the module of an entity names it in JPQL. Other modules read through what the owner
 * publishes (its services, or its {@code *Sql} fragments such as {@code WorkSql}). Modulith sees
 * Java dependencies only; SQL lives in strings, so this test reads the sources.
 */
class TableOwnershipTest {

    private static final Path SOURCES = Path.of("src", "main", "java", "app", "cadence");
    /** Tables without an entity, by owner. ShedLock's and the event registry's belong to their libraries. */
    private static final Map<String, String> TABLES_WITHOUT_ENTITY = Map.of("project_rollup", "work", "rollup_checkpoint", "work");
    private static final Pattern SQL_TABLE = Pattern.compile("(?i:\\b(?:from|join|into|update)\\s+)([a-z][a-z_]*)\\b");
    private static final Pattern JPQL_ENTITY = Pattern.compile("(?i:\\b(?:from|join)\\s+)([A-Z][A-Za-z]*)\\b");

    @Test
    void onlyTheOwningModuleNamesATableOrAnEntityInAQuery() throws IOException {
        Map<String, String> tableOwners = new HashMap<>(TABLES_WITHOUT_ENTITY);
        Map<String, String> entityOwners = new HashMap<>();
        for (JavaClass entity : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.cadence").stream().filter(c -> c.isAnnotatedWith(Entity.class)).toList()) {
            Class<?> type = entity.reflect();
            Table table = type.getAnnotation(Table.class);
            String module = module(entity.getPackageName());
            tableOwners.put(table != null && !table.name().isEmpty() ? table.name() : snake(type.getSimpleName()), module);
            entityOwners.put(type.getSimpleName(), module);
        }
        assertThat(tableOwners).containsKeys("project", "instance_item", "membership", "user_account", "template");

        List<String> trespasses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String module = module(SOURCES.relativize(file.getParent()).toString().replace('/', '.'));
                String text = Files.readString(file);
                find(SQL_TABLE, text, tableOwners, module, file, "table", trespasses);
                find(JPQL_ENTITY, text, entityOwners, module, file, "entity", trespasses);
            }
        }
        assertThat(trespasses).as("queries naming another module's table or entity").isEmpty();
    }

    private static void find(Pattern pattern, String text, Map<String, String> owners, String module, Path file, String what,
                             List<String> trespasses) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String owner = owners.get(m.group(1));
            if (owner != null && !owner.equals(module)) {
                trespasses.add(file + ": " + what + " " + m.group(1) + " belongs to " + owner + " (\"" + m.group().strip() + "\")");
            }
        }
    }

    /** The module of a package under app.cadence: its first segment. */
    private static String module(String packageName) {
        String rest = packageName.startsWith("app.cadence.") ? packageName.substring("app.cadence.".length()) : packageName;
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static String snake(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
    }
}
