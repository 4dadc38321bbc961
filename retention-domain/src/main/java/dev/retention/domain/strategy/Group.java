package dev.retention.domain.strategy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** The side of the experiment a targeted customer is on. */
public enum Group {
    TREATMENT,
    HOLDOUT;

    private static final int BUCKETS = 10_000;

    /**
     * HOLDOUT when the first 8 bytes of SHA-256("strategyId:customerId"), as an unsigned number modulo 10,000, fall
     * below holdoutPercent × 100: stable, reproducible, and independent between strategies.
     */
    public static Group of(UUID strategyId, UUID customerId, int holdoutPercent) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((strategyId + ":" + customerId).getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                value = (value << 8) | (hash[i] & 0xff);
            }
            long bucket = Long.remainderUnsigned(value, BUCKETS);
            return bucket < holdoutPercent * (BUCKETS / 100L) ? HOLDOUT : TREATMENT;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
