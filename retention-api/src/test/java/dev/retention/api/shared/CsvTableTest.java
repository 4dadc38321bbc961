package dev.retention.api.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CsvTableTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String csv(String json) throws Exception {
        StringWriter out = new StringWriter();
        CsvTable.of(JSON.readTree(json)).write(out);
        return out.toString();
    }

    @Test
    void theListIsTheRowsAndTheValuesBesideItAreRepeated() throws Exception {
        String answer = """
                {"granularity": "MONTH", "periods": [
                  {"startDate": "2026-01-01", "crr": 95.8904, "movements": {"expansion": {"customers": 3}}},
                  {"startDate": "2026-02-01", "undefinedBecause": {"crr": "S = 0"}}],
                 "totals": {"crr": 90.5}}
                """;

        assertThat(csv(answer))
                .isEqualTo("granularity,totals.crr,startDate,crr,movements.expansion.customers,undefinedBecause.crr\r\n"
                        + "MONTH,90.5,2026-01-01,95.8904,3,\r\n"
                        + "MONTH,90.5,2026-02-01,,,S = 0\r\n");
    }

    @Test
    void innerListsGiveOneRowPerInnerElementWithTheOuterValuesNamedByTheirList() throws Exception {
        String answer = """
                {"zone": "UTC", "cohorts": [
                  {"periodStart": "2025-01-01", "size": 97, "offsets": [{"offset": 0, "periodStart": "2025-01-01"},
                                                                      {"offset": 1, "periodStart": "2025-02-01"}]},
                  {"periodStart": "2025-02-01", "size": 81, "offsets": [{"offset": 0, "periodStart": "2025-02-01"}]}]}
                """;

        assertThat(csv(answer))
                .isEqualTo("zone,cohorts.periodStart,cohorts.size,offset,periodStart\r\n"
                        + "UTC,2025-01-01,97,0,2025-01-01\r\n"
                        + "UTC,2025-01-01,97,1,2025-02-01\r\n"
                        + "UTC,2025-02-01,81,0,2025-02-01\r\n");
    }

    @Test
    void aTopLevelListIsTheRowsAndAnAnswerWithoutAListIsOneRow() throws Exception {
        assertThat(csv("[{\"a\": 1}, {\"a\": 2, \"b\": true}]")).isEqualTo("a,b\r\n1,\r\n2,true\r\n");
        assertThat(csv("{\"latest\": {\"crr\": 1.5}, \"previous\": {\"crr\": 2}}"))
                .isEqualTo("latest.crr,previous.crr\r\n1.5,2\r\n");
        assertThat(csv("{\"zone\": \"UTC\", \"items\": []}")).isEqualTo("zone\r\n");
        assertThat(csv("{\"segments\": [{\"s\": \"A\"}], \"cells\": [{\"r\": 1}]}"))
                .isEqualTo("s\r\nA\r\n");
    }

    @Test
    void textIsQuotedWhereNeededAndFormulasAreDefused() throws Exception {
        String answer = """
                [{"name": "Smith, \\"Jr\\"", "note": "two\\nlines", "id": "=HYPERLINK(\\"x\\")", "at": "@SUM(A1)",
                  "amount": -135.17, "tags": ["a", "b"]}]
                """;

        assertThat(csv(answer))
                .isEqualTo("name,note,id,at,amount,tags\r\n"
                        + "\"Smith, \"\"Jr\"\"\",\"two\nlines\",\"'=HYPERLINK(\"\"x\"\")\",'@SUM(A1),-135.17,a|b\r\n");
    }

    record Period(String startDate, Double crr, Movements movements, java.util.Map<String, String> undefinedBecause) {}

    record Movements(Figure expansion) {}

    record Figure(long customers) {}

    record Report(String granularity, java.util.List<Period> periods, Period totals) {}

    record Page<T>(java.util.List<T> items, int page) {}

    @Test
    void theColumnsComeFromTheTypeSoEveryAnswerHasTheSameHeader() throws Exception {
        org.springframework.core.ResolvableType report = org.springframework.core.ResolvableType.forClass(Report.class);
        org.springframework.core.ResolvableType page =
                org.springframework.core.ResolvableType.forClassWithGenerics(Page.class, Figure.class);

        assertThat(CsvColumns.of(report))
                .containsExactly(
                        "granularity",
                        "totals.startDate",
                        "totals.crr",
                        "totals.movements.expansion.customers",
                        "startDate",
                        "crr",
                        "movements.expansion.customers");
        assertThat(CsvColumns.of(page)).containsExactly("page", "customers");
        StringWriter out = new StringWriter();
        CsvTable.of(JSON.readTree("{\"granularity\": \"DAY\", \"periods\": []}"), CsvColumns.of(report))
                .write(out);
        assertThat(out.toString())
                .startsWith("granularity,totals.startDate,totals.crr,totals.movements.expansion.customers,startDate,")
                .endsWith("\r\n");
    }
}
