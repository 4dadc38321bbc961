package dev.retention.domain.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * Makes and hashes API keys: {@code rtn_} followed by 32 random bytes in URL-safe Base64. A key has 256 bits of
 * entropy, so a fast hash (SHA-256) is safe to store; slow password hashes guard guessable secrets.
 */
public final class ApiKeySecrets {

    public static final String PREFIX = "rtn_";
    public static final int RANDOM_BYTES = 32;
    private static final int SHOWN_PREFIX_LENGTH = 8;

    private ApiKeySecrets() {}

    public static String generate(RandomGenerator secureRandom) {
        byte[] bytes = new byte[RANDOM_BYTES];
        secureRandom.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean looksLikeKey(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The first characters of a key, which identify it in lists without revealing it. */
    public static String shownPrefix(String secret) {
        return secret.substring(0, Math.min(SHOWN_PREFIX_LENGTH, secret.length()));
    }
}
