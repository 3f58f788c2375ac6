package network.synod.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The layering rules of the repository (README, "Where things live"), checked on the compiled classes of every module.
 * A rule that fails names the class and the dependency that broke it.
 */
class LayersTest {

    /** Every module's main classes; the tests of the modules are not held to these rules. */
    static final JavaClasses SYNOD = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("network.synod");

    /** The services whose HTTP resources live in an {@code api} package (the worker's in {@code oip}). */
    private static final String[] SERVICES = {"gateway", "scoring", "payouts", "verification", "worker"};

    /** Packages that are about HTTP, and so may use services/web and JAX-RS. */
    private static final String[] HTTP_PACKAGES = {
        "network.synod.web..", "network.synod.(*).api..", "network.synod.worker.oip.."
    };

    private static final String[] FRAMEWORKS = {
        "jakarta..",
        "io.quarkus..",
        "io.vertx..",
        "io.smallrye..",
        "org.eclipse.microprofile..",
        "io.fabric8..",
        "io.javaoperatorsdk..",
        "com.fasterxml.jackson.."
    };

    @Test
    void coreUsesOnlyTheJdkAndItsCryptoLibrary() {
        check(classes()
                .that()
                .resideInAPackage("network.synod.core..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "javax.crypto..", "org.bouncycastle..", "network.synod.core..")
                .because("core is the network's mathematics, shared by every service and the CLI without a framework"));
    }

    @Test
    void domainMathematicsUsesNoFramework() {
        check(noClasses()
                .that()
                .resideInAnyPackage("..economics..", "..placement..", "..scaling..", "..synthesis..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FRAMEWORKS)
                .because("the rules of money, placement, scaling and synthesis are plain classes returning records, "
                        + "tested with plain JUnit"));
    }

    @Test
    void noDomainPackageImportsAnApiPackage() {
        for (String service : SERVICES) {
            String api =
                    service.equals("worker") ? "network.synod.worker.oip.." : "network.synod." + service + ".api..";
            check(noClasses()
                    .that()
                    .resideInAPackage("network.synod." + service + "..")
                    .and()
                    .resideOutsideOfPackage(api)
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(api)
                    .because("HTTP sits on top of the domain: the domain does not know its resources or views"));
        }
    }

    @Test
    void onlyHttpPackagesUseTheHttpConventions() {
        check(noClasses()
                .that()
                .resideOutsideOfPackages(HTTP_PACKAGES)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("network.synod.web..", "jakarta.ws.rs..")
                .because("domain code throws core's Refusal; its mapping to HTTP lives in services/web and the api "
                        + "packages"));
    }

    @Test
    void oneExceptionMapperForEveryService() {
        check(noMethods()
                .that()
                .areDeclaredInClassesThat()
                .resideOutsideOfPackage("network.synod.web..")
                .should()
                .beAnnotatedWith("org.jboss.resteasy.reactive.server.ServerExceptionMapper")
                .because("services/web's ProblemMapper answers every error (ProblemTranslator adds translations)"));
        check(noClasses()
                .that()
                .resideOutsideOfPackage("network.synod.web..")
                .should()
                .implement("jakarta.ws.rs.ext.ExceptionMapper")
                .because("services/web's ProblemMapper answers every error"));
    }

    private static void check(ArchRule rule) {
        rule.check(SYNOD);
    }
}
