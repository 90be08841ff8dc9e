package org.provisio.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.provisio.adapters.delivery.archfixture.BadDeliveryClass;
import org.provisio.adapters.jdbc.archfixture.BadJdbcClass;
import org.provisio.jaxrs.archfixture.GuardedResource;
import org.provisio.jaxrs.archfixture.UnguardedResource;
import org.provisio.adapters.memory.InMemoryStore;
import org.provisio.adapters.memory.archfixture.BadMemoryClass;
import org.provisio.domain.archfixture.BadDomainClass;
import org.provisio.jaxrs.archfixture.BadJaxrsClass;
import org.provisio.jaxrs.archfixture.JaxrsClass;
import org.provisio.scim.archfixture.BadScimClass;
import org.provisio.server.archfixture.ServerClass;

/**
 * DESIGN.md's dependency rule over the production classes of every module, and the proof that
 * each rule can fail: it flags a deliberately bad fixture class, and every package it names holds
 * production classes.
 */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProduction() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.provisio");
    }

    static Stream<ArchRule> rules() {
        return ArchitectureRules.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void productionClassesFollowTheRule(ArchRule rule) {
        rule.check(production);
    }

    static Stream<Arguments> violations() {
        return Stream.of(
                Arguments.of(ArchitectureRules.CORE_IS_FREE_OF_INFRASTRUCTURE, BadDomainClass.class, List.of(
                        "java.sql.Connection", "javax.sql.DataSource", "jakarta.ws.archstub.Stub",
                        "javax.ws.archstub.Stub", "org.glassfish.archstub.Stub", "com.zaxxer.archstub.Stub",
                        "org.flywaydb.archstub.Stub")),
                Arguments.of(ArchitectureRules.CORE_IS_FREE_OF_INFRASTRUCTURE, BadScimClass.class,
                        List.of("jakarta.ws.archstub.Stub")),
                Arguments.of(ArchitectureRules.DOMAIN_SEES_NO_JACKSON, BadDomainClass.class,
                        List.of("com.fasterxml.jackson.archstub.Stub")),
                Arguments.of(ArchitectureRules.SCIM_USES_JACKSON_ONLY_IN_ITS_CODEC, BadScimClass.class,
                        List.of("com.fasterxml.jackson.archstub.Stub")),
                Arguments.of(ArchitectureRules.ADAPTERS_DO_NOT_SEE_EACH_OTHER, BadMemoryClass.class,
                        List.of(BadJdbcClass.class.getName())),
                Arguments.of(ArchitectureRules.ADAPTERS_DO_NOT_SEE_EACH_OTHER, BadJdbcClass.class,
                        List.of(BadMemoryClass.class.getName())),
                Arguments.of(ArchitectureRules.ADAPTERS_DO_NOT_SEE_EACH_OTHER, BadDeliveryClass.class,
                        List.of(BadMemoryClass.class.getName())),
                Arguments.of(ArchitectureRules.ADAPTERS_DO_NOT_SEE_THE_SERVER, BadMemoryClass.class,
                        List.of(ServerClass.class.getName())),
                Arguments.of(ArchitectureRules.ADAPTERS_DO_NOT_SEE_THE_SERVER, BadJdbcClass.class,
                        List.of(ServerClass.class.getName())),
                Arguments.of(ArchitectureRules.ADAPTERS_DO_NOT_SEE_THE_SERVER, BadDeliveryClass.class,
                        List.of(ServerClass.class.getName())),
                Arguments.of(ArchitectureRules.ONLY_THE_SERVER_SEES_HTTP, BadMemoryClass.class,
                        List.of("org.glassfish.archstub.Stub")),
                Arguments.of(ArchitectureRules.ONLY_THE_SERVER_SEES_HTTP, BadDomainClass.class,
                        List.of("jakarta.ws.archstub.Stub", "javax.ws.archstub.Stub")),
                Arguments.of(ArchitectureRules.ARROWS_POINT_INWARD, BadDomainClass.class,
                        List.of("org.provisio.adapters.memory.InMemoryStore")),
                Arguments.of(ArchitectureRules.ARROWS_POINT_INWARD, BadScimClass.class,
                        List.of(BadDomainClass.class.getName())),
                Arguments.of(ArchitectureRules.ARROWS_POINT_INWARD, BadMemoryClass.class,
                        List.of(ServerClass.class.getName())),
                Arguments.of(ArchitectureRules.JAXRS_IS_A_THIN_LIBRARY, BadJaxrsClass.class,
                        List.of("org.provisio.adapters.memory.InMemoryStore", ServerClass.class.getName(),
                                "java.sql.Connection", "ch.qos.logback.archstub.Stub", "org.glassfish.jersey.archstub.Stub")),
                Arguments.of(ArchitectureRules.GRIZZLY_ONLY_IN_ITS_PACKAGE, BadJaxrsClass.class,
                        List.of("org.glassfish.grizzly.archstub.Stub")),
                Arguments.of(ArchitectureRules.ARROWS_POINT_INWARD, BadJaxrsClass.class,
                        List.of("org.provisio.adapters.memory.InMemoryStore", ServerClass.class.getName())),
                Arguments.of(ArchitectureRules.ADAPTERS_DO_NOT_SEE_THE_SERVER, BadMemoryClass.class,
                        List.of(JaxrsClass.class.getName())),
                Arguments.of(ArchitectureRules.MICROMETER_ONLY_IN_SERVER_METRICS, BadDomainClass.class,
                        List.of("io.micrometer.archstub.Stub")),
                Arguments.of(ArchitectureRules.MICROMETER_ONLY_IN_SERVER_METRICS, BadJdbcClass.class,
                        List.of("io.micrometer.archstub.Stub")),
                Arguments.of(ArchitectureRules.MICROMETER_ONLY_IN_SERVER_METRICS, BadJaxrsClass.class,
                        List.of("io.micrometer.archstub.Stub")));
    }

    @ParameterizedTest(name = "{0} flags {1}")
    @MethodSource("violations")
    void eachRuleFlagsItsFixture(ArchRule rule, Class<?> fixture, List<String> forbiddenTargets) {
        EvaluationResult result = rule.evaluate(fixtures());

        String fromFixture = "<" + fixture.getName() + ".";
        List<String> details = result.filterDescriptionsMatching(d -> d.contains(fromFixture))
                .getFailureReport().getDetails();
        assertThat(details).as("violations of %s by %s", rule.getDescription(), fixture.getSimpleName()).isNotEmpty();
        for (String target : forbiddenTargets) {
            assertThat(details).anySatisfy(d -> assertThat(d).contains("<" + target + ">"));
        }
    }

    @Test
    void aResourceWithoutARealmIsFlaggedAndAGuardedOneIsNot() {
        EvaluationResult result = ArchitectureRules.EVERY_RESOURCE_IS_GUARDED.evaluate(fixtures());
        List<String> details = result.getFailureReport().getDetails();
        assertThat(details).anySatisfy(d -> assertThat(d).contains("<" + UnguardedResource.class.getName() + ">"));
        assertThat(details).noneSatisfy(d -> assertThat(d).contains("<" + GuardedResource.class.getName() + ">"));
    }

    @Test
    void theServerAndTheEdgeMayUseWhatTheOthersMayNot() {
        for (Class<?> allowed : List.of(ServerClass.class, JaxrsClass.class)) {
            String from = "<" + allowed.getName() + ".";
            for (ArchRule rule : ArchitectureRules.ALL) {
                assertThat(rule.evaluate(fixtures()).filterDescriptionsMatching(d -> d.contains(from))
                        .hasViolation()).as(allowed.getSimpleName() + ": " + rule.getDescription()).isFalse();
            }
        }
    }

    static Stream<String> namedPackages() {
        return ArchitectureRules.NAMED_PACKAGES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedPackages")
    void everyPackageARuleNamesHoldsProductionClasses(String pattern) {
        String prefix = pattern.substring(0, pattern.length() - 2);

        assertThat(production.stream().map(c -> c.getPackageName())
                .filter(p -> p.equals(prefix) || p.startsWith(prefix + ".")))
                .as("production classes in %s", pattern).isNotEmpty();
    }

    private static JavaClasses fixtures() {
        return new ClassFileImporter().importClasses(BadDomainClass.class, BadScimClass.class, BadMemoryClass.class,
                BadJdbcClass.class, BadDeliveryClass.class, ServerClass.class, InMemoryStore.class, BadJaxrsClass.class,
                JaxrsClass.class, UnguardedResource.class, GuardedResource.class);
    }
}
