package org.provisio.spring.boot;

import java.time.Clock;
import javax.sql.DataSource;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.provisio.adapters.jdbc.JdbcStore;
import org.provisio.adapters.memory.InMemoryCredentialCache;
import org.provisio.adapters.memory.InMemoryStore;
import org.provisio.domain.model.InvitationTtl;
import org.provisio.domain.model.Retention;
import org.provisio.domain.port.CredentialCache;
import org.provisio.domain.port.InvitationMailer;
import org.provisio.domain.port.LifecycleListener;
import org.provisio.domain.port.Store;
import org.provisio.domain.service.Provisioning;
import org.provisio.jaxrs.ProvisioFeature;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Provisio in a Spring Boot 4 product, every bean replaceable by one of the product's own:
 * <ul>
 *   <li>a {@link Store} over the product's {@link DataSource} ({@code JdbcStore.open(DataSource)}, which
 *       migrates Provisio's tables), or in memory with {@code provisio.store=memory};</li>
 *   <li>{@link Provisioning}, every use case, for the product's own settings pages (create a tenant,
 *       issue its SCIM credential...);</li>
 *   <li>the SCIM, invitation and (with {@code provisio.admin-token}) admin endpoints: a
 *       {@link ProvisioFeature} on a Jersey servlet of its own at {@code provisio.base-path}, beside the
 *       product's servlets and whatever Jersey application it has;</li>
 *   <li>the background jobs, {@link ProvisioJobsLifecycle}, delivering invitations to the product's
 *       {@link InvitationMailer} bean (else to the log, links masked) and events to every
 *       {@link LifecycleListener} bean.</li>
 * </ul>
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(ProvisioProperties.class)
public final class ProvisioAutoConfiguration {

    /** The store {@code provisio.store} names; JDBC needs the product's {@code DataSource}. */
    @Bean
    @ConditionalOnMissingBean(Store.class)
    Store provisioStore(ProvisioProperties properties, ObjectProvider<DataSource> dataSource) {
        if (properties.store() == ProvisioProperties.StoreKind.MEMORY) {
            return InMemoryStore.create();
        }
        DataSource ds = dataSource.getIfUnique();
        if (ds == null) {
            throw new IllegalStateException("provisio.store=jdbc needs one DataSource bean (spring.datasource.*); "
                    + "set provisio.store=memory to keep users in memory instead");
        }
        // a caller-owned data source: closing the store leaves it open
        return JdbcStore.open(ds);
    }

    @Bean
    @ConditionalOnMissingBean(CredentialCache.class)
    CredentialCache provisioCredentialCache(ProvisioProperties properties) {
        ProvisioProperties.CredentialCache cache = properties.credentialCache();
        return cache.enabled()
                ? InMemoryCredentialCache.create(cache.revalidateAfter(), cache.maximumSize(), Clock.systemUTC())
                : CredentialCache.none();
    }

    /** The domain; a product's {@link Clock} bean, if it has exactly one, is its clock. */
    @Bean
    @ConditionalOnMissingBean(Provisioning.class)
    Provisioning provisioning(Store store, CredentialCache credentialCache, ProvisioProperties properties,
                              ObjectProvider<Clock> clock) {
        return Provisioning.builder(store)
                .clock(clock.getIfUnique(Clock::systemUTC))
                .retention(Retention.of(properties.retention()))
                .invitationTtl(InvitationTtl.of(properties.invitationTtl()))
                .outboxMaxAttempts(properties.outboxMaxAttempts())
                .credentialCache(credentialCache)
                .build();
    }

    @Bean
    @ConditionalOnMissingBean(ProvisioPublicUrl.class)
    ProvisioPublicUrl provisioPublicUrl(ProvisioProperties properties, Environment environment) {
        return new ProvisioPublicUrl(properties, environment);
    }

    /** Invitations to the log, links masked, unless the product has an {@link InvitationMailer} bean. */
    @Bean
    @ConditionalOnMissingBean(InvitationMailer.class)
    InvitationMailer provisioLogInvitationMailer(ProvisioPublicUrl publicUrl) {
        return new LogInvitationMailer(publicUrl);
    }

    @Bean
    @ConditionalOnMissingBean(ProvisioJobsLifecycle.class)
    @ConditionalOnBooleanProperty(name = "provisio.jobs.enabled", matchIfMissing = true)
    ProvisioJobsLifecycle provisioJobs(Provisioning provisioning, InvitationMailer mailer,
                                       ObjectProvider<LifecycleListener> listeners, ProvisioProperties properties) {
        return new ProvisioJobsLifecycle(provisioning, mailer, listeners.orderedStream().toList(),
                properties.purgeInterval(), properties.jobs().dispatchInterval());
    }

    /** The HTTP endpoints, in a servlet web application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(ServletContainer.class)
    static final class Web {
        @Bean
        @ConditionalOnMissingBean(ProvisioFeature.class)
        ProvisioFeature provisioFeature(Provisioning provisioning, ProvisioPublicUrl publicUrl,
                                        ProvisioProperties properties) {
            ProvisioFeature.Builder feature = ProvisioFeature.builder(provisioning, publicUrl)
                    .maxPayloadSize(properties.maxPayloadSize().toBytes())
                    // Provisio is the whole Jersey application of its servlet: every error is SCIM JSON
                    .standalone();
            properties.adminToken().ifPresent(feature::adminToken);
            return feature.build();
        }

        /** Provisio's own Jersey servlet at {@code provisio.base-path}: nothing discovered, nothing shared. */
        @Bean
        @ConditionalOnMissingBean(name = "provisioServletRegistration")
        ServletRegistrationBean<ServletContainer> provisioServletRegistration(ProvisioFeature feature,
                                                                              ProvisioProperties properties) {
            ResourceConfig app = new ResourceConfig()
                    .property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
                    .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                    // 4xx answers keep their SCIM body instead of the servlet container's error page
                    .property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true)
                    .register(feature);
            String base = properties.basePath().equals("/") ? "" : properties.basePath();
            ServletRegistrationBean<ServletContainer> registration =
                    new ServletRegistrationBean<>(new ServletContainer(app), base + "/*");
            registration.setName("provisio");
            registration.setLoadOnStartup(1);
            return registration;
        }
    }
}
