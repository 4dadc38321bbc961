package dev.retention.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The module boundaries that Maven cannot see: the feature packages of each module depend on each other without
 * cycles, web code lives in the api module only and reaches the domain through its use cases, and the api and
 * persistence modules know only the domain.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.retention");

    @Test
    void theFeaturesOfEachModuleDependOnEachOtherWithoutCycles() {
        for (String module : new String[] {"domain", "persistence", "api", "app"}) {
            slices().matching("dev.retention." + module + ".(*)..")
                    .as("features of " + module)
                    .should()
                    .beFreeOfCycles()
                    .check(PRODUCTION);
        }
    }

    @Test
    void webCodeLivesInTheApiModule() {
        classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .or()
                .areAnnotatedWith(Controller.class)
                .or()
                .areAnnotatedWith(ControllerAdvice.class)
                .or()
                .areAnnotatedWith(RestControllerAdvice.class)
                .should()
                .resideInAPackage("dev.retention.api..")
                .check(PRODUCTION);
    }

    @Test
    void theWebTalksToUseCasesNotToTheDomainsPorts() {
        noClasses()
                .that()
                .resideInAPackage("dev.retention.api..")
                .should()
                .dependOnClassesThat(JavaClass.Predicates.INTERFACES.and(
                        JavaClass.Predicates.resideInAPackage("dev.retention.domain..")))
                .because("the ports are the persistence side of the domain; the web reaches them through use cases")
                .check(PRODUCTION);
    }

    @Test
    void theAdaptersKnowTheDomainButNotEachOther() {
        noClasses()
                .that()
                .resideInAPackage("dev.retention.persistence..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.retention.api..", "dev.retention.app..")
                .check(PRODUCTION);
        noClasses()
                .that()
                .resideInAPackage("dev.retention.api..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.retention.persistence..", "dev.retention.app..")
                .check(PRODUCTION);
    }
}
