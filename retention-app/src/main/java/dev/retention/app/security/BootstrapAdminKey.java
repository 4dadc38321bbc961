package dev.retention.app.security;

import dev.retention.domain.security.ApiKeySecrets;
import dev.retention.domain.security.IssueApiKey;
import dev.retention.domain.security.IssuedApiKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure someone can administer the service. The operator's key ({@code RETENTION_BOOTSTRAP_ADMIN_KEY}) is
 * installed if set. Otherwise, on the embedded default database only, an admin key is generated on first start,
 * printed once and written to a file readable by its owner only.
 */
public class BootstrapAdminKey {

    static final int MIN_LENGTH = ApiKeySecrets.PREFIX.length() + 32;

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdminKey.class);

    private final IssueApiKey issueApiKey;

    public BootstrapAdminKey(IssueApiKey issueApiKey) {
        this.issueApiKey = issueApiKey;
    }

    public static void checkOperatorKey(String key) {
        if (!ApiKeySecrets.looksLikeKey(key) || key.length() < MIN_LENGTH) {
            throw new IllegalStateException("RETENTION_BOOTSTRAP_ADMIN_KEY must start with '" + ApiKeySecrets.PREFIX
                    + "' and be at least " + MIN_LENGTH + " characters long; generate one with: echo "
                    + ApiKeySecrets.PREFIX + "$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')");
        }
    }

    public void installOperatorKey(String key) {
        checkOperatorKey(key);
        if (issueApiKey.installBootstrapKey(key)) {
            log.info("Installed the bootstrap admin key given by RETENTION_BOOTSTRAP_ADMIN_KEY");
        }
    }

    /** Generates a key on first start, when no key exists yet, and writes it to {@code keyFile}. */
    public void generateOnFirstStart(boolean noKeyExists, Path keyFile) {
        if (!noKeyExists) {
            return;
        }
        IssuedApiKey issued = issueApiKey.generateBootstrapKey();
        try {
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            Files.deleteIfExists(keyFile);
            Files.createFile(
                    keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(keyFile, issued.secret() + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the admin key to " + keyFile, e);
        }
        // Printed to the console on purpose, once: the operator needs it, and the log never holds keys.
        System.out.println();
        System.out.println("Generated an admin API key (shown once; also in " + keyFile.toAbsolutePath() + "):");
        System.out.println("    " + issued.secret());
        System.out.println();
    }
}
