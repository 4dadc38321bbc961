package dev.retention.support;

import dev.retention.RetentionApplication;
import dev.retention.persistence.support.TestDatabase;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A second instance of the service in the test JVM, on the tests' database, beside the test's own context. */
public final class SecondInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts it with the settings of every end-to-end test, then {@code settings} on top. */
    public static SecondInstance start(Map<String, String> settings) {
        TestDatabase database = TestDatabase.get();
        Map<String, Object> properties = new HashMap<>(Map.of(
                "server.port",
                "0",
                "spring.datasource.url",
                database.jdbcUrl(),
                "spring.datasource.username",
                database.username(),
                "spring.datasource.password",
                database.password(),
                "retention.bootstrap-admin-key",
                ApiTest.ADMIN_KEY,
                "retention.rate-limit.enabled",
                "false"));
        properties.putAll(settings);
        // As command-line arguments: properties given to the builder are defaults, which application.yml overrides.
        return new SecondInstance(new SpringApplicationBuilder(RetentionApplication.class)
                .run(properties.entrySet().stream()
                        .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                        .toArray(String[]::new)));
    }

    public Http http() {
        return new Http(
                "http://localhost:" + context.getEnvironment().getProperty("local.server.port"), ApiTest.ADMIN_KEY);
    }

    public Object bean(String name) {
        return context.getBean(name);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
