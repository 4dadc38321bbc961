package dev.retention.api.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves a repeated report request (metrics, at-risk list, RFM segments, recommendations) from the bytes of its earlier answer,
 * before argument binding, the controller and JSON writing, which cost most of a cached request. It runs after
 * authentication and authorization. Entries are keyed by the {@link DataChanges} version and the exact path and
 * query, so any committed change to report data invalidates them; they also expire after the report cache's time to
 * live. Only answers that carry an ETag are kept: those whose
 * figures are fixed by the request (an at-risk list or RFM segments without asOf move with the clock, and so does
 * the summary, which is left to the controller).
 */
final class ReportResponseCache extends OncePerRequestFilter {

    static final List<String> PATHS =
            List.of("/api/v1/metrics/", "/api/v1/customers/at-risk", "/api/v1/segments/rfm", "/api/v1/products/");
    /** A customer's recommendations: /api/v1/customers/{id}/recommendations. */
    private static final String RECOMMENDATIONS = "/recommendations";

    private static final String SUMMARY = "/api/v1/metrics/summary";

    private record Answer(byte[] body, String contentType, String etag, String cacheControl) {}

    private final DataChanges dataChanges;
    private final Cache<String, Answer> answers;

    ReportResponseCache(DataChanges dataChanges, ReportingSettings defaults) {
        this.dataChanges = dataChanges;
        this.answers = Caffeine.newBuilder()
                .maximumSize(defaults.cacheSize())
                .expireAfterWrite(defaults.cacheTtl())
                .build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean report = PATHS.stream().anyMatch(path::startsWith)
                || (path.startsWith("/api/v1/customers/") && path.endsWith(RECOMMENDATIONS));
        return !"GET".equals(request.getMethod()) || !report || path.equals(SUMMARY);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = dataChanges.version() + " " + request.getRequestURI() + "?" + request.getQueryString() + " "
                + request.getHeader(HttpHeaders.ACCEPT);
        Answer cached = answers.getIfPresent(key);
        if (cached != null) {
            replay(cached, request, response);
            return;
        }
        ContentCachingResponseWrapper recorder = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, recorder);
        String etag = recorder.getHeader(HttpHeaders.ETAG);
        if (recorder.getStatus() == HttpServletResponse.SC_OK && etag != null) {
            answers.put(
                    key,
                    new Answer(
                            recorder.getContentAsByteArray(),
                            recorder.getContentType(),
                            etag,
                            recorder.getHeader(HttpHeaders.CACHE_CONTROL)));
        }
        recorder.copyBodyToResponse();
    }

    private static void replay(Answer answer, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (answer.cacheControl() != null) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, answer.cacheControl());
        }
        response.setHeader(HttpHeaders.VARY, String.join(", ", ReportCache.VARY));
        if (new ServletWebRequest(request, response).checkNotModified(answer.etag())) {
            return;
        }
        response.setHeader(HttpHeaders.ETAG, answer.etag());
        response.setContentType(answer.contentType());
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }
}
