package dev.retention.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebhookSecretTest {

    /** The example of the Standard Webhooks specification: its secret, message id, timestamp and payload. */
    private static final WebhookSecret PUBLISHED = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String BODY = "{\"test\": 2432232314}";

    @Test
    void theSignatureIsThePublishedOne() {
        assertThat(PUBLISHED.sign(ID, TIMESTAMP, BODY)).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void anotherSecretTimestampOrBodyGivesAnotherSignature() {
        String published = PUBLISHED.sign(ID, TIMESTAMP, BODY);

        assertThat(WebhookSecret.generate().sign(ID, TIMESTAMP, BODY)).isNotEqualTo(published);
        assertThat(PUBLISHED.sign(ID, TIMESTAMP + 1, BODY)).isNotEqualTo(published);
        assertThat(PUBLISHED.sign(ID, TIMESTAMP, "{\"test\": 2432232315}")).isNotEqualTo(published);
    }

    @Test
    void generatedSecretsAreRandom32BytesAndNeverPrinted() {
        WebhookSecret one = WebhookSecret.generate();

        assertThat(one.value()).startsWith("whsec_").hasSize("whsec_".length() + 44);
        assertThat(one.value()).isNotEqualTo(WebhookSecret.generate().value());
        assertThat(one.toString()).doesNotContain(one.value().substring(6));
        assertThatThrownBy(() -> new WebhookSecret("secret")).isInstanceOf(IllegalArgumentException.class);
    }
}
