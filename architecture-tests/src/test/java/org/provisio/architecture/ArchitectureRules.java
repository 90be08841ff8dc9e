package org.provisio.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/** The rules of DESIGN.md ("Modules and the dependency rule"), with the packages each one names. */
final class ArchitectureRules {
    static final String DOMAIN = "org.provisio.domain..";
    static final String SCIM = "org.provisio.scim..";
    static final String SCIM_JSON = "org.provisio.scim.json..";
    static final String MEMORY = "org.provisio.adapters.memory..";
    static final String JDBC = "org.provisio.adapters.jdbc..";
    static final String DELIVERY = "org.provisio.adapters.delivery..";
    static final String ADAPTERS = "org.provisio.adapters..";
    static final String ADAPTER_SLICES = "org.provisio.adapters.(*)..";
    static final String SERVER = "org.provisio.server..";
    static final String SERVER_METRICS = "org.provisio.server.metrics..";
    static final String JAXRS = "org.provisio.jaxrs..";
    static final String JAXRS_GRIZZLY = "org.provisio.jaxrs.grizzly..";

    static final ArchRule CORE_IS_FREE_OF_INFRASTRUCTURE = noClasses()
            .that().resideInAnyPackage(DOMAIN, SCIM)
            .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "javax.ws..", "java.sql..",
                    "javax.sql..", "org.glassfish..", "com.zaxxer..", "org.flywaydb..")
            .as("the domain and scim-core see no Jakarta, JAX-RS, JDBC, Jersey, Grizzly, Hikari or Flyway");

    static final ArchRule DOMAIN_SEES_NO_JACKSON = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
            .as("the domain sees no Jackson");

    static final ArchRule SCIM_USES_JACKSON_ONLY_IN_ITS_CODEC = noClasses()
            .that().resideInAPackage(SCIM).and().resideOutsideOfPackage(SCIM_JSON)
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
            .as("scim-core uses Jackson only in org.provisio.scim.json");

    static final ArchRule ADAPTERS_DO_NOT_SEE_EACH_OTHER = slices().matching(ADAPTER_SLICES)
            .should().notDependOnEachOther()
            .as("adapters never see each other (memory, jdbc, delivery, and any added later)");

    static final ArchRule ADAPTERS_DO_NOT_SEE_THE_SERVER = noClasses()
            .that().resideInAPackage(ADAPTERS)
            .should().dependOnClassesThat().resideInAnyPackage(SERVER, JAXRS)
            .as("no adapter sees the HTTP edge (provisio-jaxrs) or the server");

    static final ArchRule ONLY_THE_SERVER_SEES_HTTP = noClasses()
            .that().resideOutsideOfPackages(SERVER, JAXRS)
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws..", "javax.ws..", "org.glassfish..")
            .as("only the HTTP edge (provisio-jaxrs) and the server see JAX-RS, Jersey and Grizzly");

    static final ArchRule JAXRS_IS_A_THIN_LIBRARY = noClasses()
            .that().resideInAPackage(JAXRS)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS, SERVER, "java.sql..", "javax.sql..",
                    "com.zaxxer..", "org.flywaydb..", "org.h2..", "org.postgresql..", "ch.qos.logback..",
                    "jakarta.mail..", "org.eclipse.angus..", "org.hibernate..", "org.glassfish.jersey..")
            .as("provisio-jaxrs is a library: JAX-RS API only, no adapter, no JDBC, no logging backend, no mail, "
                    + "no validator, no Jersey");

    static final ArchRule GRIZZLY_ONLY_IN_ITS_PACKAGE = noClasses()
            .that().resideInAPackage(JAXRS).and().resideOutsideOfPackage(JAXRS_GRIZZLY)
            .should().dependOnClassesThat().resideInAPackage("org.glassfish.grizzly..")
            .as("provisio-jaxrs uses Grizzly (an optional dependency) only in org.provisio.jaxrs.grizzly");

    static final ArchRule MICROMETER_ONLY_IN_SERVER_METRICS = noClasses()
            .that().resideOutsideOfPackage(SERVER_METRICS)
            .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
            .as("only the server's metrics (org.provisio.server.metrics) see Micrometer: the domain reports through "
                    + "JobObserver, the adapters and the HTTP edge through hooks of their own");

    /**
     * Authentication is decided on the resource routing matched (its {@code @Guarded} realm); a Provisio
     * resource without one is refused at run time (403), and this rule keeps any from being written.
     */
    static final ArchRule EVERY_RESOURCE_IS_GUARDED = classes()
            .that().resideInAPackage("org.provisio..").and().areAnnotatedWith("jakarta.ws.rs.Path")
            .should().beAnnotatedWith("org.provisio.jaxrs.http.Guarded")
            .as("every JAX-RS resource of Provisio names the realm that guards it (@Guarded)");

    static final ArchRule ARROWS_POINT_INWARD = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("scim-core").definedBy(SCIM)
            .layer("domain").definedBy(DOMAIN)
            .layer("adapters").definedBy("org.provisio.adapters..")
            .layer("jaxrs").definedBy(JAXRS)
            .layer("server").definedBy(SERVER)
            .whereLayer("server").mayNotBeAccessedByAnyLayer()
            .whereLayer("adapters").mayOnlyBeAccessedByLayers("server")
            .whereLayer("jaxrs").mayOnlyBeAccessedByLayers("server")
            .whereLayer("domain").mayOnlyBeAccessedByLayers("adapters", "jaxrs", "server")
            .whereLayer("scim-core").mayOnlyBeAccessedByLayers("domain", "adapters", "jaxrs", "server")
            .as("arrows point inward: server -> provisio-jaxrs / adapters -> domain -> scim-core");

    static final List<ArchRule> ALL = List.of(CORE_IS_FREE_OF_INFRASTRUCTURE, DOMAIN_SEES_NO_JACKSON,
            SCIM_USES_JACKSON_ONLY_IN_ITS_CODEC, ADAPTERS_DO_NOT_SEE_EACH_OTHER, ADAPTERS_DO_NOT_SEE_THE_SERVER,
            ONLY_THE_SERVER_SEES_HTTP, JAXRS_IS_A_THIN_LIBRARY, GRIZZLY_ONLY_IN_ITS_PACKAGE, ARROWS_POINT_INWARD,
            MICROMETER_ONLY_IN_SERVER_METRICS, EVERY_RESOURCE_IS_GUARDED);

    /** Every package some rule names; each must hold production classes, or that rule could never fail. */
    static final List<String> NAMED_PACKAGES = List.of(DOMAIN, SCIM, SCIM_JSON, MEMORY, JDBC, DELIVERY, ADAPTERS,
            SERVER, SERVER_METRICS, JAXRS, JAXRS_GRIZZLY);

    private ArchitectureRules() {
    }
}
