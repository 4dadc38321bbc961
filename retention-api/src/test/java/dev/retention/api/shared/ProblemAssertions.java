package dev.retention.api.shared;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.util.List;
import org.hamcrest.Matchers;
import org.springframework.test.web.servlet.ResultMatcher;

/** What every error answer must look like: RFC 9457 with a fixed type URI and a readable title, no class names. */
public final class ProblemAssertions {

    private ProblemAssertions() {}

    public static ResultMatcher problem(int status, String type) {
        List<ResultMatcher> all = List.of(
                content().contentTypeCompatibleWith("application/problem+json"),
                jsonPath("$.status").value(status),
                jsonPath("$.type").value("https://retention.dev/problems/" + type),
                jsonPath("$.title").isNotEmpty(),
                content().string(Matchers.not(Matchers.containsString("Exception"))),
                content().string(Matchers.not(Matchers.containsString("dev.retention"))));
        return result -> {
            for (ResultMatcher matcher : all) {
                matcher.match(result);
            }
        };
    }

    /** A refused field, named as the client wrote it. */
    public static ResultMatcher fieldError(String field) {
        return jsonPath("$.errors[?(@.field == '" + field + "')].message").isNotEmpty();
    }
}
