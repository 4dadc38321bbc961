package dev.retention.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class LogMaskingTest extends ApiTest {

    @Test
    void emailsAndKeysNeverReachTheLog(CapturedOutput output) {
        LoggerFactory.getLogger("dev.retention.check")
                .warn(
                        "customer ada.lovelace+crm@example.co.uk used key rtn_AbCdEf0123456789-_xyz",
                        new IllegalStateException("rejected ada.lovelace+crm@example.co.uk"));

        assertThat(output.getAll())
                .contains("customer ***@*** used key rtn_***")
                .doesNotContain("ada.lovelace")
                .doesNotContain("AbCdEf0123456789");
    }
}
