package dev.retention.api.shared;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A repeated GET of a report with an ETag is answered from the bytes of the first answer, without the controller; every
 * other request goes through.
 */
class ReportResponseCacheTest {

    private final DataChanges dataChanges = new DataChanges();
    private final FilterRegistrationBean<ReportResponseCache> registration = new ReportCacheConfiguration()
            .reportResponseCache(dataChanges, new DefaultReportingSettings().reportingSettings());
    private final AtomicInteger answered = new AtomicInteger();

    private final FilterChain controller = (request, response) -> {
        answered.incrementAndGet();
        HttpServletResponse http = (HttpServletResponse) response;
        http.setStatus(200);
        http.setHeader("ETag", "\"v" + dataChanges.version() + "\"");
        http.setContentType("application/json");
        http.getOutputStream().write("{\"answer\":1}".getBytes(StandardCharsets.UTF_8));
    };

    private MockHttpServletResponse get(String method, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRequestURI(path);
        int query = path.indexOf('?');
        if (query >= 0) {
            request.setRequestURI(path.substring(0, query));
            request.setQueryString(path.substring(query + 1));
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        registration.getFilter().doFilter(request, response, controller);
        return response;
    }

    @Test
    void everyApiPathReachesTheFilterSoThatItChoosesTheReportsItself() {
        assertThat(registration.getUrlPatterns()).containsExactly("/api/v1/*");
    }

    @Test
    void repeatedReportRequestsAreAnsweredFromTheStoredBytesUntilTheDataChange() throws Exception {
        for (String path : new String[] {
            "/api/v1/metrics/retention?from=2026-01-01&to=2026-07-01",
            "/api/v1/customers/at-risk?asOf=2026-11-01T00:00:00Z",
            "/api/v1/segments/rfm?asOf=2026-11-01T00:00:00Z",
            "/api/v1/segments/rfm/CHAMPIONS/customers?asOf=2026-11-01T00:00:00Z",
            "/api/v1/customers/1b4e28ba-2fa1-11d2-883f-0016d3cca427/recommendations",
            "/api/v1/products/p-1"
        }) {
            answered.set(0);
            MockHttpServletResponse first = get("GET", path);
            MockHttpServletResponse repeated = get("GET", path);

            assertThat(answered).as(path).hasValue(1);
            assertThat(repeated.getContentAsString()).as(path).isEqualTo(first.getContentAsString());
            assertThat(repeated.getHeader("ETag")).as(path).isEqualTo(first.getHeader("ETag"));

            dataChanges.changed();
            get("GET", path);
            assertThat(answered).as(path + " after a change").hasValue(2);
        }
    }

    @Test
    void otherRequestsAlwaysReachTheController() throws Exception {
        for (String[] request : new String[][] {
            {"GET", "/api/v1/customers/1b4e28ba-2fa1-11d2-883f-0016d3cca427"},
            {"GET", "/api/v1/metrics/summary"},
            {"POST", "/api/v1/segments/rfm"},
            {"GET", "/api/v1/strategies"}
        }) {
            answered.set(0);
            get(request[0], request[1]);
            get(request[0], request[1]);
            assertThat(answered).as(request[1]).hasValue(2);
        }
    }
}
