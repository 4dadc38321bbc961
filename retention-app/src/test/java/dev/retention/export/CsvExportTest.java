package dev.retention.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.ApiTest;
import dev.retention.support.BatchEvents;
import dev.retention.support.Http.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Reports as CSV, by Accept header or format parameter, with the numbers of their JSON. */
class CsvExportTest extends ApiTest {

    @BeforeEach
    void customers() {
        BatchEvents events = new BatchEvents();
        events.add("a", "ACQUIRED", "2026-01-05T10:00:00Z", null);
        events.add("a", "PURCHASE", "2026-01-06T10:00:00Z", "120.50");
        events.add("b", "ACQUIRED", "2026-01-10T10:00:00Z", null);
        events.add("b", "PURCHASE", "2026-02-11T10:00:00Z", "80.00");
        events.add("b", "CHURNED", "2026-03-15T10:00:00Z", null);
        events.add("c", "ACQUIRED", "2026-02-20T10:00:00Z", null);
        events.add("c", "PURCHASE", "2026-02-21T10:00:00Z", "40.00");
        assertThat(http.post("/api/v1/events:batch", events.body()).status()).isEqualTo(200);
        jdbc.update("update customer set segment = case external_id when 'c' then 'sme' else 'retail' end");
    }

    private Response csv(String path) {
        return http.send("GET", path, null, null, Map.of("Accept", "text/csv"));
    }

    /** The CSV as one map per row, column name to cell. */
    private static List<Map<String, String>> rows(String csv) {
        String[] lines = csv.split("\r\n");
        List<String> header = Arrays.asList(lines[0].split(",", -1));
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), cells[c]);
            }
            rows.add(row);
        }
        return rows;
    }

    /** The JSON's value as text, or empty when the JSON leaves it out. */
    private static String text(JsonNode node, String field) {
        return node.has(field) ? node.get(field).asString() : "";
    }

    @Test
    void retentionPerMonthAsCsvHasTheJsonsNumbers() {
        String query = "/api/v1/metrics/retention?from=2026-01-01&to=2026-05-01";
        JsonNode json = http.get(query).json();

        Response byHeader = csv(query);
        Response byParameter = http.get(query + "&format=csv");

        assertThat(byHeader.status()).isEqualTo(200);
        assertThat(byHeader.header("Content-Type")).startsWith("text/csv");
        assertThat(byParameter.body()).isEqualTo(byHeader.body());
        List<Map<String, String>> rows = rows(byHeader.body());
        assertThat(rows).hasSize(4);
        for (int i = 0; i < 4; i++) {
            JsonNode period = json.get("periods").get(i);
            Map<String, String> row = rows.get(i);
            assertThat(row.get("granularity")).isEqualTo("MONTH");
            assertThat(row.get("startDate")).isEqualTo(period.get("startDate").asString());
            assertThat(row.get("startCustomers"))
                    .isEqualTo(period.get("startCustomers").asString());
            assertThat(row.get("churned")).isEqualTo(period.get("churned").asString());
            assertThat(row.get("revenue")).isEqualTo(period.get("revenue").asString());
            assertThat(row.get("crr")).isEqualTo(text(period, "crr"));
            assertThat(row.get("totals.retained")).isEqualTo(text(json.get("totals"), "retained"));
            assertThat(row.get("totals.churnRate")).isEqualTo(text(json.get("totals"), "churnRate"));
        }
        // March: b churned of a and b and c active at the start
        assertThat(rows.get(2).get("churned")).isEqualTo("1");
        assertThat(rows.get(0).get("undefinedBecause.crr")).isNotEmpty();
    }

    @Test
    void segmentsAndCohortsGiveOneRowPerInnerPeriod() {
        List<Map<String, String>> segments =
                rows(csv("/api/v1/metrics/retention/segments?from=2026-01-01&to=2026-04-01")
                        .body());
        List<Map<String, String>> cohorts =
                rows(csv("/api/v1/metrics/cohorts?from=2026-01-01&to=2026-03-01&maxOffset=2")
                        .body());

        assertThat(segments)
                .extracting(row -> row.get("segments.segment") + " " + row.get("startDate"))
                .containsExactly(
                        "retail 2026-01-01",
                        "retail 2026-02-01",
                        "retail 2026-03-01",
                        "sme 2026-01-01",
                        "sme 2026-02-01",
                        "sme 2026-03-01");
        JsonNode json = http.get("/api/v1/metrics/cohorts?from=2026-01-01&to=2026-03-01&maxOffset=2")
                .json();
        int offsets = 0;
        for (JsonNode cohort : json.get("cohorts")) {
            offsets += cohort.get("offsets").size();
        }
        assertThat(cohorts).hasSize(offsets);
        assertThat(cohorts.get(0).get("cohorts.periodStart")).isEqualTo("2026-01-01");
        assertThat(cohorts.get(0).get("cohorts.size")).isEqualTo("2");
        assertThat(cohorts.get(0).get("offset")).isEqualTo("0");
    }

    @Test
    void listsAndPagesAreRowsToo() {
        List<Map<String, String>> revenue = rows(
                csv("/api/v1/metrics/revenue?from=2026-02-01&to=2026-03-01").body());
        List<Map<String, String>> rfm =
                rows(csv("/api/v1/segments/rfm?windowDays=365").body());

        assertThat(revenue).hasSize(1);
        assertThat(revenue.get(0)).containsKey("movements.expansion.amount");
        assertThat(rfm).extracting(row -> row.get("segment")).contains("CHAMPIONS", "HIBERNATING");
        assertThat(csv("/api/v1/customers/at-risk?limit=5").status()).isEqualTo(200);
    }

    @Test
    void jsonStaysTheDefaultAndEachFormHasItsOwnTag() {
        String query = "/api/v1/metrics/retention?from=2026-01-01&to=2026-03-01";
        Response plain = http.send("GET", query, null, null, Map.of());
        Response any = http.send("GET", query, null, null, Map.of("Accept", "*/*"));
        Response table = http.get(query + "&format=csv");
        Response tableAgain =
                http.send("GET", query + "&format=csv", null, null, Map.of("If-None-Match", plain.header("ETag")));
        Response notModified =
                http.send("GET", query + "&format=csv", null, null, Map.of("If-None-Match", table.header("ETag")));

        assertThat(plain.header("Content-Type")).startsWith("application/json");
        assertThat(any.header("Content-Type")).startsWith("application/json");
        assertThat(table.header("ETag")).isNotEqualTo(plain.header("ETag"));
        assertThat(tableAgain.status())
                .as("the JSON's tag does not fit the CSV")
                .isEqualTo(200);
        assertThat(notModified.status()).isEqualTo(304);
        Response unknown = http.get(query + "&format=xml");
        assertThat(unknown.status()).isEqualTo(406);
    }
}
