package dev.retention.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetsTest {

    /** Names resolve as this table says, without asking any DNS server. */
    private static final Map<String, String> NAMES = Map.of(
            "crm.example.com", "93.184.215.14",
            "rebound.example.com", "10.1.2.3",
            "localhost", "127.0.0.1");

    private static List<InetAddress> resolve(String host) throws UnknownHostException {
        String address = NAMES.getOrDefault(host, host.matches("[0-9.:a-f\\[\\]]+") ? host : null);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return List.of(InetAddress.getByName(address));
    }

    private final WebhookTargets strict = new WebhookTargets(false, false, false, WebhookTargetsTest::resolve);

    @Test
    void aPublicHttpsUrlIsAccepted() {
        assertThat(strict.refusal("https://crm.example.com/hooks?x=1")).isEmpty();
        assertThat(strict.refusal("https://93.184.215.14:8443/hooks")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://127.0.0.1/hooks",
                "https://localhost:8080/hooks",
                "https://[::1]/hooks",
                "https://10.0.0.7/hooks",
                "https://172.16.5.4/hooks",
                "https://192.168.1.1/hooks",
                "https://169.254.169.254/latest/meta-data",
                "https://100.64.0.1/hooks",
                "https://[fd00::1]/hooks",
                "https://[fe80::1]/hooks",
                "https://0.0.0.0/hooks",
                "https://rebound.example.com/hooks"
            })
    void addressesInsideTheNetworkAreRefused(String url) {
        assertThat(strict.refusal(url)).get().asString().startsWith("resolves to ");
    }

    @Test
    void theRefusalSaysWhichSettingWouldAllowIt() {
        assertThat(strict.refusal("https://localhost/hooks"))
                .contains("resolves to 127.0.0.1, a loopback address (allow with retention.webhooks.allow-loopback)");
        assertThat(strict.refusal("https://169.254.169.254/"))
                .get()
                .asString()
                .contains("retention.webhooks.allow-private-networks");
    }

    @Test
    void configurationAllowsLoopbackAndPrivateNetworksSeparatelyButNeverTheAnyAddress() {
        WebhookTargets loopback = new WebhookTargets(true, true, false, WebhookTargetsTest::resolve);
        WebhookTargets internal = new WebhookTargets(false, false, true, WebhookTargetsTest::resolve);

        assertThat(loopback.refusal("http://localhost:9000/hooks")).isEmpty();
        assertThat(loopback.refusal("http://10.0.0.7/hooks")).isPresent();
        assertThat(internal.refusal("https://10.0.0.7/hooks")).isEmpty();
        assertThat(internal.refusal("https://127.0.0.1/hooks")).isPresent();
        assertThat(loopback.refusal("http://0.0.0.0/hooks")).isPresent();
    }

    @Test
    void onlyHttpsUnlessHttpIsAllowedAndNoCredentialsOrUnknownHosts() {
        assertThat(strict.refusal("http://crm.example.com/hooks")).contains("must be an https URL");
        assertThat(strict.refusal("ftp://crm.example.com/hooks")).contains("must be an https URL");
        assertThat(strict.refusal("crm.example.com/hooks")).contains("must be an https URL");
        assertThat(strict.refusal("https://user:secret@crm.example.com/hooks"))
                .contains("must not carry a user name or password");
        assertThat(strict.refusal("https://nowhere.example.com/hooks"))
                .contains("names a host that does not resolve: nowhere.example.com");
        assertThat(strict.refusal("https://crm.example.com/a b")).contains("is not a valid URL");
    }

    @Test
    void aHostThatDoesNotResolveYetMayBeSavedButNotSentTo() {
        assertThat(strict.refusalToSave("https://nowhere.example.com/hooks")).isEmpty();
        assertThat(strict.refusalToSave("https://rebound.example.com/hooks")).isPresent();
        assertThat(strict.refusalToSave("http://nowhere.example.com/hooks")).contains("must be an https URL");
    }
}
