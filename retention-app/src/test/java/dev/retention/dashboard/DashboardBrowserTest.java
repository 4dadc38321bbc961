package dev.retention.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.api.shared.DataChanges;
import dev.retention.app.demo.DemoDataLoader;
import dev.retention.persistence.support.TestDatabase;
import dev.retention.support.Http;
import dev.retention.support.Http.Response;
import dev.retention.support.ModelJobs;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in a real headless Chromium against the service holding the demo data (plus a model fit, a
 * loyalty programme with two members and a running strategy): every view draws its charts from the API's numbers,
 * the selectors change what is shown, a wrong key shows the 401 problem, and each view is saved as a screenshot
 * under target/dashboard-screenshots for review.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"retention.rate-limit.enabled=false", "retention.recommendations.rebuild-cron=-"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

    private static final String ADMIN_KEY = "rtn_dashboard-admin-key-0123456789abcdefghijklmnopq";

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private DataChanges dataChanges;

    @Autowired
    private DemoDataLoader demoData;

    private Http http;
    private ChromeDriver browser;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("retention.bootstrap-admin-key", () -> ADMIN_KEY);
        TestDatabase database = TestDatabase.get();
        registry.add("spring.datasource.url", database::jdbcUrl);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
    }

    @BeforeAll
    void demoDataAndABrowser() throws Exception {
        browser = Browser.start();
        jdbc.execute(TestDatabase.EMPTY_TABLES);
        dataChanges.changed();
        assertThat(demoData.loadIfEmpty()).isTrue();
        http = new Http("http://localhost:" + port, ADMIN_KEY);
        fitAModel();
        Instant purchased = loyaltyProgrammeWithTwoMembers();
        runningStrategy();
        // Until the members' purchases are in the past, a view asked for "now" a moment later counts them where one
        // asked a moment earlier did not: the RFM grid and a segment's page then disagree.
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), purchased).toMillis() + 1));
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /**
     * A lifetime-value fit for the P(alive) of the at-risk list and the customer page. The demo data (steady buyers
     * until a contract ends) are far from the purchase models' story, and whether a fit on them settles or runs to
     * the edge of its range depends on the day; the views are checked against whatever the API then says.
     */
    private void fitAModel() throws InterruptedException {
        String calibrationEnd = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        JsonNode fit = http.post("/api/v1/models/clv", Map.of("calibrationEnd", calibrationEnd))
                .json();
        ModelJobs.awaitFinished(http, fit.get("id").asString());
    }

    /** Returns when the two members bought: a few seconds from now. */
    private Instant loyaltyProgrammeWithTwoMembers() {
        assertThat(http.post(
                                "/api/v1/loyalty/programme/versions",
                                Map.of(
                                        "pointsPerUnit",
                                        "1",
                                        "autoEnrol",
                                        true,
                                        "tiers",
                                        List.of(
                                                Map.of("name", "Green", "qualifyingPoints", 0, "multiplier", "1"),
                                                Map.of("name", "Gold", "qualifyingPoints", 500, "multiplier", "1.2"))))
                        .status())
                .isEqualTo(201);
        Instant soon = Instant.now().plusSeconds(5);
        List<Map<String, Object>> purchases = new ArrayList<>();
        for (String customer : List.of("demo-00001", "demo-00002")) {
            purchases.add(Map.of(
                    "externalId",
                    customer,
                    "type",
                    "PURCHASE",
                    "occurredAt",
                    soon.toString(),
                    "amount",
                    "600.00",
                    "currency",
                    "EUR",
                    "eventKey",
                    "dashboard-" + customer));
        }
        assertThat(http.post("/api/v1/events:batch", Map.of("events", purchases))
                        .status())
                .isEqualTo(200);
        return soon;
    }

    private void runningStrategy() {
        Instant now = Instant.now();
        JsonNode strategy = http.post(
                        "/api/v1/strategies",
                        Map.of(
                                "name",
                                "Win back retail",
                                "type",
                                "PERSONALISED_MARKETING",
                                "action",
                                "10% voucher",
                                "channel",
                                "EMAIL",
                                "target",
                                Map.of("customerSegment", "retail"),
                                "startsAt",
                                now.minus(60, ChronoUnit.DAYS).toString(),
                                "endsAt",
                                now.plus(30, ChronoUnit.DAYS).toString(),
                                "holdoutPercent",
                                20))
                .json();
        assertThat(http.post(
                                "/api/v1/strategies/" + strategy.get("id").asString() + "/transitions",
                                Map.of("status", "ACTIVE"))
                        .status())
                .isEqualTo(200);
    }

    @BeforeEach
    void signedOutOnTheDashboard() {
        Browser.resize(browser, 1280, 900);
        browser.get("http://localhost:" + port + "/dashboard/");
        browser.executeScript("sessionStorage.clear()");
        browser.get("http://localhost:" + port + "/dashboard/");
    }

    private void signIn(String key) {
        WebElement field = waitFor(By.id("key"));
        field.sendKeys(key);
        browser.findElement(By.cssSelector("#key-form button[type=submit]")).click();
    }

    /** Waits for the element to show; if it does not, saves the page as it is and says what it shows. */
    private WebElement waitFor(By locator) {
        try {
            return new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> {
                List<WebElement> found = driver.findElements(locator);
                return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
            });
        } catch (TimeoutException notShown) {
            Browser.screenshot(browser, "not-shown");
            throw new AssertionError(
                    "not shown: " + locator + "; the page at " + browser.getCurrentUrl() + " shows: "
                            + browser.findElement(By.tagName("body")).getText(),
                    notShown);
        }
    }

    /** Opens a view and waits until it has drawn (or shown its problem). */
    private WebElement open(String view) {
        browser.executeScript("window.location.hash = arguments[0]", view);
        return ready(view.contains("/") ? view.substring(0, view.indexOf('/')) : view);
    }

    private WebElement ready(String view) {
        return waitFor(By.cssSelector("main[data-ready='" + view + "']"));
    }

    private String value(String test) {
        return waitFor(By.cssSelector("[data-test='" + test + "']")).getAttribute("data-value");
    }

    /** The data of a chart's series, as ECharts holds it. */
    @SuppressWarnings("unchecked")
    private List<Object> series(String chart, int index) {
        return (List<Object>) ((JavascriptExecutor) browser)
                .executeScript(
                        "return echarts.getInstanceByDom(document.querySelector(\"[data-chart='\" + arguments[0]"
                                + " + \"']\")).getOption().series[arguments[1]].data;",
                        chart,
                        index);
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(String.valueOf(value));
    }

    /** The figure as JSON gives it, as a list of decimals per period (null where absent). */
    private static List<BigDecimal> figures(JsonNode periods, String field) {
        List<BigDecimal> values = new ArrayList<>();
        periods.forEach(
                period -> values.add(period.has(field) ? period.get(field).decimalValue() : null));
        return values;
    }

    private static void assertSameNumbers(List<Object> shown, List<BigDecimal> expected) {
        assertThat(shown).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            if (expected.get(i) == null) {
                assertThat(shown.get(i)).as("value %d", i).isNull();
            } else {
                assertThat(decimal(shown.get(i))).as("value %d", i).isEqualByComparingTo(expected.get(i));
            }
        }
    }

    /** The dashboard's default range: 13 months up to the first day of next month (UTC), by month. */
    private static String defaultQuery() {
        LocalDate next = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1);
        return "from=" + next.minusMonths(13) + "&to=" + next + "&granularity=MONTH&zone=UTC";
    }

    @Test
    void aWrongKeyShowsTheServicesAnswer() {
        signIn("rtn_not-a-key-000000000000000000000000000000000000");

        WebElement problem = waitFor(By.id("key-problem"));

        String title = http.withKey("rtn_not-a-key-000000000000000000000000000000000000")
                .get("/api/v1/metrics/summary")
                .json()
                .get("title")
                .asString();
        assertThat(problem.getText()).contains(title);
        assertThat(browser.findElement(By.id("selectors")).isDisplayed()).isFalse();
        assertThat((String) browser.executeScript("return sessionStorage.getItem('retention.apiKey')"))
                .isNull();
        assertThat(browser.getCurrentUrl()).doesNotContain("rtn_");
        Browser.screenshot(browser, "wrong-key");
    }

    @Test
    void theOverviewShowsTheLatestCompletePeriodAgainstThePreviousWithSparklines() {
        signIn(ADMIN_KEY);
        ready("overview");

        JsonNode periods = http.get("/api/v1/metrics/retention?" + defaultQuery() + "&churnModel=CONTRACTUAL")
                .json()
                .get("periods");
        List<JsonNode> complete = new ArrayList<>();
        periods.forEach(period -> {
            if (period.get("complete").asBoolean()) {
                complete.add(period);
            }
        });
        JsonNode latest = complete.get(complete.size() - 1);
        for (String[] tile : new String[][] {
            {"customers", "endCustomers"},
            {"crr", "crr"},
            {"churnRate", "churnRate"},
            {"revenue", "revenue"},
            {"clv", "clv"}
        }) {
            String shown = value("value-" + tile[0]);
            if (latest.has(tile[1])) {
                assertThat(new BigDecimal(shown))
                        .as(tile[0])
                        .isEqualByComparingTo(latest.get(tile[1]).decimalValue());
            } else {
                assertThat(shown).as(tile[0] + " is not defined").isEmpty();
            }
        }
        assertThat(browser.findElement(By.cssSelector("[data-test='period']")).getText())
                .contains(latest.get("startDate").asString());
        assertThat(browser.findElement(By.cssSelector("[data-test='change-crr']"))
                        .getText())
                .contains("points against the period before");
        assertSameNumbers(series("spark-crr", 0), figures(periods, "crr"));
        assertSameNumbers(series("spark-revenue", 0), figures(periods, "revenue"));
        Browser.screenshot(browser, "overview");

        // Not a timed test (nothing is asserted about it): the numbers BENCHMARKS.md records.
        for (int round = 0; round < 3; round++) {
            browser.navigate().refresh();
            ready("overview");
            Object readyAt = browser.findElement(By.id("view")).getAttribute("data-ready-ms");
            System.out.println("Dashboard overview ready " + readyAt + " ms after the page started loading");
        }
    }

    @Test
    void theSelectorsChangeEveryViewsPeriods() {
        signIn(ADMIN_KEY);
        ready("overview");

        new Select(browser.findElement(By.id("granularity"))).selectByVisibleText("QUARTER");
        ready("overview");
        open("retention");

        LocalDate next = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1);
        JsonNode quarters = http.get("/api/v1/metrics/retention?from=" + next.minusMonths(13) + "&to=" + next
                        + "&granularity=QUARTER&zone=UTC&churnModel=CONTRACTUAL")
                .json()
                .get("periods");
        assertSameNumbers(series("retention-rates", 0), figures(quarters, "crr"));
        assertThat(browser.findElements(By.cssSelector("[data-test='row']"))).hasSize(quarters.size());

        new Select(browser.findElement(By.id("churnModel"))).selectByValue("INACTIVITY");
        ready("retention");
        JsonNode inactive = http.get("/api/v1/metrics/retention?from=" + next.minusMonths(13) + "&to=" + next
                        + "&granularity=QUARTER&zone=UTC&churnModel=INACTIVITY&inactivityDays=90")
                .json()
                .get("periods");
        assertSameNumbers(series("retention-rates", 1), figures(inactive, "churnRate"));

        browser.findElement(By.cssSelector("[data-test='by-segment']")).click();
        waitFor(By.cssSelector("[data-chart='segment-rates']"));
        JsonNode segments = http.get("/api/v1/metrics/retention/segments?from=" + next.minusMonths(13) + "&to=" + next
                        + "&granularity=QUARTER&zone=UTC&churnModel=INACTIVITY&inactivityDays=90")
                .json()
                .get("segments");
        assertSameNumbers(series("segment-rates", 0), figures(segments.get(0).get("periods"), "crr"));
        Browser.screenshot(browser, "retention");
    }

    @Test
    void anAnswerRefusedByTheServiceShowsItsProblemTitle() {
        signIn(ADMIN_KEY);
        ready("overview");
        WebElement zone = browser.findElement(By.id("zone"));
        zone.clear();
        zone.sendKeys("Mars/Olympus");
        browser.findElement(By.id("from")).click();

        WebElement problem = waitFor(By.cssSelector("main [data-test='problem']"));

        String title = http.get("/api/v1/metrics/retention?" + defaultQuery().replace("zone=UTC", "zone=Mars/Olympus"))
                .json()
                .get("title")
                .asString();
        assertThat(problem.getText()).contains(title).contains("zone");
        zone.clear();
        zone.sendKeys("UTC");
        browser.findElement(By.id("from")).click();
        ready("overview");
    }

    @Test
    void cohortsAreAHeatmapOfRetentionAndLtvCurves() {
        signIn(ADMIN_KEY);
        ready("overview");
        open("cohorts");

        JsonNode cohorts = http.get(
                        "/api/v1/metrics/cohorts?" + defaultQuery() + "&churnModel=CONTRACTUAL&maxOffset=12")
                .json()
                .get("cohorts");
        List<Object> cells = series("cohort-heatmap", 0);
        int offsets = 0;
        for (JsonNode cohort : cohorts) {
            offsets += cohort.get("offsets").size();
        }
        assertThat(cells).hasSize(offsets);
        @SuppressWarnings("unchecked")
        List<Object> first = (List<Object>) cells.get(0);
        assertThat(decimal(first.get(2)))
                .isEqualByComparingTo(cohorts.get(0)
                        .get("offsets")
                        .get(0)
                        .get("retentionRate")
                        .decimalValue());
        assertSameNumbers(
                series("ltv-curves", 0), figures(cohorts.get(0).get("offsets"), "cumulativeRevenuePerCustomer"));
        Browser.screenshot(browser, "cohorts");
    }

    @Test
    void revenueShowsNrrGrrAndTheMovementsOfTheLatestPeriod() {
        signIn(ADMIN_KEY);
        ready("overview");
        open("revenue");

        JsonNode periods =
                http.get("/api/v1/metrics/revenue?" + defaultQuery()).json().get("periods");
        assertSameNumbers(series("nrr-grr", 0), figures(periods, "nrr"));
        assertSameNumbers(series("nrr-grr", 1), figures(periods, "grr"));
        // the latest finished period
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonNode latest = null;
        for (JsonNode period : periods) {
            if (period.has("movements") && period.get("endDate").asString().compareTo(today) <= 0) {
                latest = period;
            }
        }
        assertThat(browser.findElement(By.cssSelector("[data-view='revenue']")).getText())
                .contains("Revenue movements, " + latest.get("startDate").asString());
        List<Object> increases = series("revenue-waterfall", 1);
        assertThat(decimal(increases.get(0)))
                .isEqualByComparingTo(latest.get("comparedPositiveRevenue").decimalValue());
        assertThat(decimal(increases.get(1)))
                .isEqualByComparingTo(
                        latest.get("movements").get("newRevenue").get("amount").decimalValue());
        assertThat(decimal(increases.get(increases.size() - 1)))
                .isEqualByComparingTo(latest.get("positiveRevenue").decimalValue());
        assertThat(decimal(series("revenue-waterfall", 2).get(5)))
                .isEqualByComparingTo(
                        latest.get("movements").get("churned").get("amount").decimalValue());
        Browser.screenshot(browser, "revenue");
    }

    @Test
    void theRfmGridShowsEachCellAndACellOpensItsSegment() {
        signIn(ADMIN_KEY);
        ready("overview");
        open("segments");

        JsonNode rfm = http.get("/api/v1/segments/rfm?windowDays=365").json();
        List<Object> cells = series("rfm-grid", 0);
        assertThat(cells).hasSize(25);
        for (int i = 0; i < 25; i++) {
            JsonNode cell = rfm.get("cells").get(i);
            @SuppressWarnings("unchecked")
            List<Object> shown = (List<Object>) ((Map<String, Object>) cells.get(i)).get("value");
            assertThat(((Number) shown.get(2)).longValue())
                    .isEqualTo(cell.get("customers").asLong());
            assertThat(((Number) shown.get(1)).intValue() + 1)
                    .isEqualTo(cell.get("recencyScore").asInt());
        }
        List<WebElement> rows = browser.findElements(By.cssSelector("[data-test='row']"));
        assertThat(rows).hasSize(rfm.get("segments").size());
        rows.get(0).click();
        WebElement members = waitFor(By.cssSelector("[data-test='members'][data-segment='CHAMPIONS']"));
        long champions = rfm.get("segments").get(0).get("customers").asLong();
        assertThat(members.getText())
                .contains("Champions: " + String.format(java.util.Locale.ROOT, "%,d", champions) + " customers");
        Browser.screenshot(browser, "segments");
    }

    @Test
    void theAtRiskListLeadsToACustomersPage() {
        signIn(ADMIN_KEY);
        ready("overview");
        open("at-risk");

        JsonNode list = http.get("/api/v1/customers/at-risk?limit=50").json();
        List<WebElement> rows = browser.findElements(By.cssSelector("[data-test='row']"));
        assertThat(rows).hasSize(list.size());
        WebElement value = rows.get(0).findElement(By.cssSelector("[data-test='valueAtRisk']"));
        assertThat(new BigDecimal(value.getAttribute("data-value")))
                .isEqualByComparingTo(list.get(0).get("valueAtRisk").decimalValue());
        WebElement alive = rows.get(0).findElement(By.cssSelector("[data-test='probabilityAlive']"));
        if (list.get(0).has("probabilityAlive")) {
            assertThat(new BigDecimal(alive.getAttribute("data-value")))
                    .isEqualByComparingTo(list.get(0).get("probabilityAlive").decimalValue());
        } else {
            assertThat(alive.getAttribute("data-value")).isEmpty();
        }
        assertThat(rows.get(0).getText()).contains(list.get(0).get("reason").asString());
        Browser.screenshot(browser, "at-risk");

        rows.get(0).click();
        ready("customer");
        String id = list.get(0).get("customerId").asString();
        Response prediction = http.get("/api/v1/customers/" + id + "/prediction");
        if (prediction.status() == 200) {
            assertThat(new BigDecimal(value("pAlive")))
                    .isEqualByComparingTo(
                            prediction.json().get("probabilityAlive").decimalValue());
        } else {
            assertThat(prediction.status()).isEqualTo(404);
            assertThat(browser.findElement(By.cssSelector("[data-view='customer']"))
                            .getText())
                    .contains("No model has scored this customer yet.");
        }
        assertThat(waitFor(By.cssSelector("[data-test='customer-name']")).getText())
                .isNotBlank();
        long events = http.get("/api/v1/customers/" + id + "/events?size=500&from="
                        + LocalDate.now(ZoneOffset.UTC).minusDays(365) + "T00:00:00Z")
                .json()
                .get("items")
                .size();
        assertThat(series("timeline", 0)).hasSize((int) events);
        Browser.screenshot(browser, "customer");
    }

    @Test
    void strategiesShowTheirGroupsUpliftIntervalsAndVerdicts() {
        signIn(ADMIN_KEY);
        ready("overview");
        open("strategies");

        JsonNode strategy = http.get("/api/v1/strategies").json().get("items").get(0);
        JsonNode effect = http.get("/api/v1/strategies/" + strategy.get("id").asString() + "/effect")
                .json();
        JsonNode during = effect.get("during");
        assertThat(Long.parseLong(value("treatment")))
                .isEqualTo(during.get("treatmentCustomers").asLong());
        assertThat(Long.parseLong(value("holdout")))
                .isEqualTo(during.get("holdoutCustomers").asLong());
        List<Object> uplift = series("uplift-" + strategy.get("id").asString(), 1);
        @SuppressWarnings("unchecked")
        List<Object> retentionPoint = (List<Object>) uplift.get(0);
        assertThat(decimal(retentionPoint.get(1)).doubleValue())
                .isCloseTo(
                        during.get("retention").get("uplift").asDouble() * 100,
                        org.assertj.core.data.Offset.offset(1e-9));
        assertThat(browser.findElements(By.cssSelector("[data-test='verdict']")))
                .extracting(WebElement::getText)
                .contains(during.get("retention").get("verdict").asString());
        Browser.screenshot(browser, "strategies");
    }

    @Test
    void loyaltyComparesMembersAndShowsTiersAndPoints() {
        signIn(ADMIN_KEY);
        ready("overview");
        open("loyalty");

        JsonNode summary = http.get("/api/v1/loyalty/summary?" + defaultQuery()).json();
        assertThat(Long.parseLong(value("members")))
                .isEqualTo(summary.get("members").asLong())
                .isEqualTo(2);
        assertSameNumbers(series("tiers", 0), figures(summary.get("tiers"), "members"));
        assertSameNumbers(series("points", 0), figures(summary.get("periods"), "earned"));
        JsonNode members = http.get(
                        "/api/v1/metrics/retention?" + defaultQuery() + "&churnModel=CONTRACTUAL&loyalty=MEMBER")
                .json()
                .get("periods");
        assertSameNumbers(series("member-retention", 0), figures(members, "crr"));
        Browser.screenshot(browser, "loyalty");
    }

    @Test
    void onAPhoneSizedScreenTheViewsFitTheWidth() {
        Browser.resize(browser, 390, 844);
        signIn(ADMIN_KEY);
        ready("overview");

        for (String view : List.of("overview", "cohorts", "segments", "at-risk")) {
            open(view);
            Long overflow = (Long) browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow).as(view + " is wider than the screen").isLessThanOrEqualTo(0L);
            Browser.screenshot(browser, "phone-" + view);
        }
    }
}
