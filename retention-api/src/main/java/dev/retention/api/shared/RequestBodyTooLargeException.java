package dev.retention.api.shared;

import java.io.IOException;

/** Thrown while reading a body that grows past the configured limit; Problem Details turns it into a 413. */
public final class RequestBodyTooLargeException extends IOException {

    private final long maxBytes;

    public RequestBodyTooLargeException(long maxBytes) {
        super("Request body larger than " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
