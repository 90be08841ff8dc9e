package org.provisio.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.product.ProductApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.provisio.adapters.memory.InMemoryStore;
import org.provisio.domain.model.Actor;
import org.provisio.domain.port.InvitationMailer;
import org.provisio.domain.port.LifecycleListener;
import org.provisio.domain.port.Store;
import org.provisio.domain.service.Provisioning;
import org.provisio.domain.usecase.CreateTenant;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the auto-configuration builds, what a product replaces, and when the jobs run. */
class ProvisioAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ProvisioAutoConfiguration.class));

    @Test
    void theJobsStopWhenTheContextCloses() throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ProductApplication.class)
                .properties("server.port=0", "provisio.store=memory")
                .run();
        ProvisioJobsLifecycle jobs;
        try (context) {
            jobs = context.getBean(ProvisioJobsLifecycle.class);
            assertThat(jobs.isRunning()).isTrue();
            assertThat(jobThreads()).isNotEmpty();
            assertThat(jobs.listeners()).as("the product's LifecycleListener bean").hasSize(1);

            // the product's own port, base path and admin-less surface
            String port = context.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> admin = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/provisio/admin/v1/tenants")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(admin.statusCode()).as("no admin API without provisio.admin-token").isEqualTo(404);
        }
        assertThat(jobs.isRunning()).isFalse();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!jobThreads().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(jobThreads()).as("the jobs' threads end with the context").isEmpty();
    }

    @Test
    void inMemoryWhenSoConfigured() {
        runner.withPropertyValues("provisio.store=memory").run(context -> {
            assertThat(context).hasSingleBean(Provisioning.class);
            assertThat(context.getBean(Store.class)).isInstanceOf(InMemoryStore.class);
            assertThat(context.getBean(InvitationMailer.class)).isInstanceOf(LogInvitationMailer.class);
            Provisioning provisioning = context.getBean(Provisioning.class);
            assertThat(provisioning.createTenant().create(new CreateTenant.Command("Acme", Actor.admin())).name())
                    .isEqualTo("Acme");
        });
    }

    @Test
    void withoutADataSourceTheJdbcStoreSaysWhatToDo() {
        runner.run(context -> assertThat(context).hasFailed().getFailure()
                .rootCause().hasMessageContaining("provisio.store=jdbc needs one DataSource bean"));
    }

    @Test
    void aBadValueNamesItsProperty() {
        runner.withPropertyValues("provisio.store=memory", "provisio.retention=PT0S").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("provisio.retention must be a positive duration"));
        runner.withPropertyValues("provisio.store=memory", "provisio.admin-token=short").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("provisio.admin-token must have at least 16 characters"));
    }

    @Test
    void theProductsBeansWin() {
        runner.withUserConfiguration(ProductBeans.class).run(context -> {
            assertThat(context.getBean(Store.class)).isSameAs(context.getBean(ProductBeans.class).store);
            assertThat(context.getBean(InvitationMailer.class)).isSameAs(ProductBeans.MAILER);
            assertThat(context.getBean(ProvisioJobsLifecycle.class).listeners())
                    .containsExactly(ProductBeans.FIRST, ProductBeans.SECOND);
        });
    }

    @Test
    void noJobsWhenTurnedOff() {
        runner.withPropertyValues("provisio.store=memory", "provisio.jobs.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(ProvisioJobsLifecycle.class));
    }

    @Test
    void thePublicUrlIsTheConfiguredOneOrTheBoundPort() {
        runner.withPropertyValues("provisio.store=memory", "provisio.public-url=https://app.example.com/provisio/")
                .run(context -> assertThat(context.getBean(ProvisioPublicUrl.class).get())
                        .isEqualTo("https://app.example.com/provisio"));
        runner.withPropertyValues("provisio.store=memory", "local.server.port=4711",
                        "server.servlet.context-path=/app", "provisio.base-path=/identity/")
                .run(context -> assertThat(context.getBean(ProvisioPublicUrl.class).get())
                        .isEqualTo("http://localhost:4711/app/identity"));
    }

    private static List<Thread> jobThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("provisio-jobs") && t.isAlive())
                .toList();
    }

    @Configuration(proxyBeanMethods = false)
    static class ProductBeans {
        static final InvitationMailer MAILER = email -> { };
        static final LifecycleListener FIRST = event -> { };
        static final LifecycleListener SECOND = event -> { };
        final Store store = InMemoryStore.create();

        @Bean
        Store productStore() {
            return store;
        }

        @Bean
        InvitationMailer productMailer() {
            return MAILER;
        }

        @Bean
        @org.springframework.core.annotation.Order(1)
        LifecycleListener first() {
            return FIRST;
        }

        @Bean
        @org.springframework.core.annotation.Order(2)
        LifecycleListener second() {
            return SECOND;
        }
    }
}
