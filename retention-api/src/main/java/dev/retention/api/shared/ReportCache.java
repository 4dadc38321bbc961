package dev.retention.api.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves repeated identical report requests (metrics, and the at-risk list and RFM segments as of a given moment)
 * from memory (Caffeine) and answers {@code If-None-Match} with 304. Answers are kept under the {@link DataChanges}
 * version, so any committed change to report data invalidates them; they also expire after the configured time to
 * live. The ETag is a digest of the answer's JSON, so that every instance of the service gives the same data the same
 * ETag, and a client may revalidate against any of them.
 */
public class ReportCache {

    /**
     * The request headers an answer depends on beyond its URL: the credential (a browser must not hand the answer it
     * got with one key to a request with another) and the form asked for.
     */
    public static final String[] VARY = {HttpHeaders.AUTHORIZATION, "X-API-Key", HttpHeaders.ACCEPT};

    private record Answer(Object body, String etag) {}

    private final DataChanges dataChanges;
    private final JsonMapper json;
    private final Cache<String, Answer> cache;
    private final CacheControl cacheControl;

    public ReportCache(DataChanges dataChanges, JsonMapper json, long size, Duration timeToLive, Duration maxAge) {
        this.dataChanges = dataChanges;
        this.json = json;
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
        Answer answer = cache.get(dataChanges.version() + "|" + request, ignored -> {
            T body = compute.get();
            return new Answer(body, "\"" + digest(json.writeValueAsBytes(body)) + "\"");
        });
        // Each representation has its own tag: a client holding the JSON's must not get 304 for the CSV.
        String etag = CsvConfiguration.wantsCsv(webRequest)
                ? answer.etag().substring(0, answer.etag().length() - 1) + "-csv\""
                : answer.etag();
        if (webRequest.checkNotModified(etag)) {
            return ResponseEntity.status(304)
                    .eTag(etag)
                    .cacheControl(cacheControl)
                    .varyBy(VARY)
                    .build();
        }
        return ResponseEntity.ok()
                .eTag(etag)
                .cacheControl(cacheControl)
                .varyBy(VARY)
                .body((T) answer.body());
    }

    /**
     * Like {@link #answer}, for a report judged as of a moment: with the moment given (non-null {@code asOf}) the
     * figures are fixed by the request and cached; without it they move with the clock and are computed afresh,
     * without an ETag.
     */
    public <T> ResponseEntity<T> answerAsOf(Object asOf, String request, WebRequest webRequest, Supplier<T> compute) {
        return asOf == null ? ResponseEntity.ok(compute.get()) : answer(request, webRequest, compute);
    }

    private static String digest(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
