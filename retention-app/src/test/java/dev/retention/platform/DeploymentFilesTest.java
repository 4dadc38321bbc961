package dev.retention.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment of two instances behind a proxy (docker-compose.yml, deploy/nginx.conf, .env.example), checked by
 * parsing, as no Docker engine runs where the tests do: every service has a health check, the instances wait for a
 * healthy database and the proxy for healthy instances, the admin key and the database password come from .env,
 * and the proxy spreads requests over both instances.
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of("..");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return (Map<String, Object>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> service, String name) {
        return (Map<String, Object>) service.get(name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void twoInstancesRunBehindAProxyOnOneHealthyDatabase() throws IOException {
        Map<String, Object> services = services();

        assertThat(services).containsOnlyKeys("db", "app-1", "app-2", "proxy");
        services.forEach((name, service) -> assertThat(section((Map<String, Object>) service, "healthcheck"))
                .as(name + " has a health check")
                .containsKey("test"));
        for (String instance : List.of("app-1", "app-2")) {
            Map<String, Object> app = (Map<String, Object>) services.get(instance);
            assertThat(section(section(app, "depends_on"), "db")).containsEntry("condition", "service_healthy");
            assertThat(section(app, "environment"))
                    .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5432/retention")
                    .hasEntrySatisfying(
                            "RETENTION_BOOTSTRAP_ADMIN_KEY",
                            value -> assertThat((String) value).startsWith("${RETENTION_BOOTSTRAP_ADMIN_KEY:?"))
                    .hasEntrySatisfying(
                            "SPRING_DATASOURCE_PASSWORD",
                            value -> assertThat((String) value).startsWith("${POSTGRES_PASSWORD:?"));
            assertThat(((List<String>) section(app, "healthcheck").get("test")).get(1))
                    .contains("/actuator/health/readiness");
        }
        Map<String, Object> proxy = (Map<String, Object>) services.get("proxy");
        assertThat(section(proxy, "depends_on")).containsOnlyKeys("app-1", "app-2");
        assertThat((List<String>) proxy.get("volumes"))
                .contains("./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro");
    }

    @Test
    void theProxySpreadsRequestsOverBothInstances() throws IOException {
        String nginx = Files.readString(ROOT.resolve("deploy/nginx.conf"));

        assertThat(nginx)
                .contains("server app-1:8080")
                .contains("server app-2:8080")
                .contains("proxy_pass http://retention;");
    }

    @Test
    void theExampleEnvironmentNamesAValidAdminKeyAndThePassword() throws IOException {
        Properties environment = new Properties();
        environment.load(new StringReader(Files.readString(ROOT.resolve(".env.example"))));

        assertThat(environment.getProperty("RETENTION_BOOTSTRAP_ADMIN_KEY")).matches("rtn_[A-Za-z0-9_-]{32,}");
        assertThat(environment.getProperty("POSTGRES_PASSWORD")).isNotBlank();
    }
}
