package app.cadence.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import app.cadence.tenancy.domain.RoleSets;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.Entity;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.hibernate.annotations.TenantId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/** The rules of DESIGN.md that code can break silently. */
class ArchitectureTest {

    /** Global by design, each with the reason in its class comment. */
    private static final Set<String> NOT_TENANT_OWNED = Set.of(
            "app.cadence.tenancy.domain.Tenant",
            "app.cadence.tenancy.domain.UserAccount",
            "app.cadence.tenancy.domain.Membership",
            "app.cadence.security.domain.LoginThrottleEntry",
            "app.cadence.security.domain.AttemptQuota",
            "app.cadence.security.domain.AttemptQuotaUse",
            "app.cadence.mail.domain.OutboxMessage",
            "app.cadence.audit.domain.SecurityEvent",
            "app.cadence.admin.domain.Invitation",
            "app.cadence.signup.domain.SignUpRequest",
            "app.cadence.security.domain.PasswordResetToken",
            "app.cadence.home.domain.CalendarFeed");

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("app.cadence");
    }

    @Test
    void viewsDoNotUseRepositories() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .because("views talk to services, never to repositories")
                .check(classes);
    }

    @Test
    void viewsDoNotUseTheEntityManager() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().resideInAPackage("jakarta.persistence..")
                .check(classes);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("app.cadence.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void domainIsFreeOfUiAndServices() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..service..", "..ui..", "com.vaadin..")
                .check(classes);
    }

    @Test
    void servicesDoNotDependOnViews() {
        noClasses().that().resideInAPackage("..service..")
                .should().dependOnClassesThat().resideInAnyPackage("..ui..", "com.vaadin.flow.component..")
                .check(classes);
    }

    @Test
    void featuresDoNotReachIntoEachOthersRepositoriesOrEntities() {
        classes().that().resideInAPackage("app.cadence..")
                .should(new ArchCondition<>("use another feature's entities and repositories only through its services") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String feature = feature(origin);
                        origin.getDirectDependenciesFromSelf().stream()
                                .map(d -> d.getTargetClass())
                                .filter(target -> target.getPackageName().startsWith("app.cadence."))
                                .filter(target -> !feature(target).equals(feature) && !feature(target).equals("shared"))
                                .filter(target -> target.isAnnotatedWith(Entity.class) || target.isAssignableTo(Repository.class))
                                .forEach(target -> events.add(SimpleConditionEvent.violated(origin,
                                        origin.getName() + " uses " + target.getName() + " of another feature")));
                    }
                })
                .check(classes);
    }

    @Test
    void everyEntityIsTenantOwnedUnlessGlobalByDesign() {
        classes().that().areAnnotatedWith(Entity.class)
                .and(DescribedPredicate.describe("not global by design", (JavaClass c) -> !NOT_TENANT_OWNED.contains(c.getName())))
                .should(new ArchCondition<>("have a @TenantId field") {
                    @Override
                    public void check(JavaClass entity, ConditionEvents events) {
                        boolean tenantOwned = entity.getAllFields().stream().anyMatch(f -> f.isAnnotatedWith(TenantId.class));
                        if (!tenantOwned) {
                            events.add(SimpleConditionEvent.violated(entity, entity.getName() + " has no @TenantId field"));
                        }
                    }
                })
                .check(classes);
    }

    @Test
    void tenantIdColumnsAreNamedTenantId() {
        fields().that().areAnnotatedWith(TenantId.class)
                .should(new ArchCondition<>("be mapped to the tenant_id column") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaField field, ConditionEvents events) {
                        boolean named = field.tryGetAnnotationOfType(jakarta.persistence.Column.class)
                                .map(c -> c.name().equals("tenant_id")).orElse(false);
                        if (!named) {
                            events.add(SimpleConditionEvent.violated(field, field.getFullName() + " is not @Column(name = \"tenant_id\")"));
                        }
                    }
                })
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void noRawHtmlInViews() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("com.vaadin.flow.component.Html")
                .because("user data must never be rendered as HTML")
                .check(classes);
    }

    @Test
    void everyRolesAllowedNamesOneRoleSet() {
        Set<String> roleSets = Set.of(RoleSets.MEMBERS, RoleSets.PROJECT_MANAGERS, RoleSets.PORTFOLIO_OFFICE,
                RoleSets.ADMINISTRATORS, RoleSets.OPERATORS);
        ArchCondition<JavaClass> nameOneRoleSet = new ArchCondition<>("name exactly one of RoleSets in every @RolesAllowed") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                Stream.concat(Stream.of(c.reflect()), Arrays.stream(c.reflect().getDeclaredMethods()))
                        .map(element -> element.getAnnotation(RolesAllowed.class)).filter(Objects::nonNull)
                        .filter(allowed -> allowed.value().length != 1 || !roleSets.contains(allowed.value()[0]))
                        .forEach(allowed -> events.add(SimpleConditionEvent.violated(c, c.getName() + " lists "
                                + Arrays.toString(allowed.value()) + "; name one of RoleSets instead, so a role's rights live in Role.sets()")));
            }
        };
        classes().should(nameOneRoleSet).check(classes);
    }

    private static String feature(JavaClass c) {
        String rest = c.getPackageName().substring("app.cadence".length());
        if (rest.isEmpty()) {
            return "";
        }
        rest = rest.substring(1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
