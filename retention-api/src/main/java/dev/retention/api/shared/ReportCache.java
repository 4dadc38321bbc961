package dev.retention.api.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;

/**
 * Serves repeated identical report requests (metrics, and the at-risk list and RFM segments as of a given moment)
 * from memory (Caffeine) and answers {@code If-None-Match} with 304. The key includes the {@link DataChanges}
 * version, so any committed change to customers, events or predictions invalidates the cached figures; entries also
 * expire after the configured time to live.
 */
public class ReportCache {

    private final DataChanges dataChanges;
    private final Cache<String, Object> cache;
    private final CacheControl cacheControl;

    public ReportCache(DataChanges dataChanges, long size, Duration timeToLive, Duration maxAge) {
        this.dataChanges = dataChanges;
        this.cache = Caffeine.newBuilder()
                .maximumSize(size)
                .expireAfterWrite(timeToLive)
                .build();
        this.cacheControl = CacheControl.maxAge(maxAge).cachePrivate();
    }

    /**
     * @param request a description of the request that identifies its answer, such as the query record
     */
    @SuppressWarnings("unchecked")
    public <T> ResponseEntity<T> answer(String request, WebRequest webRequest, Supplier<T> compute) {
        String key = dataChanges.version() + "|" + request;
        String etag = "\"" + dataChanges.version() + "-" + digest(request) + "\"";
        if (webRequest.checkNotModified(etag)) {
            return ResponseEntity.status(304)
                    .eTag(etag)
                    .cacheControl(cacheControl)
                    .build();
        }
        T body = (T) cache.get(key, ignored -> compute.get());
        return ResponseEntity.ok().eTag(etag).cacheControl(cacheControl).body(body);
    }

    /**
     * Like {@link #answer}, for a report judged as of a moment: with the moment given (non-null {@code asOf}) the
     * figures are fixed by the request and cached; without it they move with the clock and are computed afresh,
     * without an ETag.
     */
    public <T> ResponseEntity<T> answerAsOf(Object asOf, String request, WebRequest webRequest, Supplier<T> compute) {
        return asOf == null ? ResponseEntity.ok(compute.get()) : answer(request, webRequest, compute);
    }

    private static String digest(String request) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
