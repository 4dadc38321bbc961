package dev.retention.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.ApiTest;
import dev.retention.support.Cdnow;
import dev.retention.support.Cdnow.Purchase;
import dev.retention.support.Http.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The CDNOW sample (2,357 customers' purchases, 1997-1998; see shared/data/README.md), imported through the batch
 * API, each purchase at 00:00 UTC of its date, and queried monthly from 1997-01 to 1998-06 with the INACTIVITY model
 * (90 days). The expected figures are computed here, independently, in plain Java from the raw file.
 *
 * <p>The file has 8 purchases of $0.00: free orders, activity without revenue. They are imported and counted like
 * the others.
 */
class CdnowRetentionTest extends ApiTest {

    private static final int WINDOW_DAYS = 90;
    private static final LocalDate FIRST_MONTH = LocalDate.parse("1997-01-01");
    private static final int MONTHS = 18;

    @DynamicPropertySource
    static void dollars(DynamicPropertyRegistry registry) {
        registry.add("retention.currency", () -> "USD");
    }

    @Test
    void monthlyInactivityFiguresMatchAnIndependentComputation() throws Exception {
        List<Purchase> all = Cdnow.purchases();
        assertThat(all).hasSize(6_919);
        List<Purchase> purchases = all;
        assertThat(purchases.stream().filter(p -> p.amount().signum() == 0)).hasSize(8);
        Cdnow.importThroughTheApi(http, purchases);

        Response response = http.get("/api/v1/metrics/retention?from=1997-01-01&to=1998-07-01&granularity=MONTH"
                + "&zone=UTC&churnModel=INACTIVITY&inactivityDays=" + WINDOW_DAYS);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode periods = response.json().get("periods");
        assertThat(periods).hasSize(MONTHS);
        Map<Integer, List<LocalDate>> byCustomer = new TreeMap<>();
        Map<Integer, BigDecimal> revenueByMonth = new HashMap<>();
        for (Purchase purchase : purchases) {
            byCustomer
                    .computeIfAbsent(purchase.customer(), c -> new ArrayList<>())
                    .add(purchase.date());
            int month = monthIndex(purchase.date());
            revenueByMonth.merge(month, purchase.amount(), BigDecimal::add);
        }
        assertThat(count("customer")).isEqualTo(byCustomer.size());
        for (int month = 0; month < MONTHS; month++) {
            LocalDate start = FIRST_MONTH.plusMonths(month);
            LocalDate end = start.plusMonths(1);
            long s = 0;
            long e = 0;
            long n = 0;
            long retained = 0;
            long reactivated = 0;
            for (List<LocalDate> dates : byCustomer.values()) {
                LocalDate first = dates.stream().min(LocalDate::compareTo).orElseThrow();
                boolean atStart = active(dates, first, start);
                boolean atEnd = active(dates, first, end);
                boolean isNew = !first.isBefore(start) && first.isBefore(end);
                s += atStart ? 1 : 0;
                e += atEnd ? 1 : 0;
                n += isNew ? 1 : 0;
                retained += atStart && atEnd ? 1 : 0;
                reactivated += atEnd && !atStart && !isNew ? 1 : 0;
            }
            JsonNode figures = periods.get(month);
            String label = "month " + start;
            assertThat(figures.get("startDate").asString()).isEqualTo(start.toString());
            assertThat(figures.get("startCustomers").asLong()).as(label + " S").isEqualTo(s);
            assertThat(figures.get("endCustomers").asLong()).as(label + " E").isEqualTo(e);
            assertThat(figures.get("newCustomers").asLong()).as(label + " N").isEqualTo(n);
            assertThat(figures.get("retained").asLong()).as(label + " retained").isEqualTo(retained);
            assertThat(figures.get("churned").asLong()).as(label + " churned").isEqualTo(s - retained);
            assertThat(figures.get("reactivated").asLong())
                    .as(label + " reactivated")
                    .isEqualTo(reactivated);
            assertThat(figures.get("revenue").decimalValue())
                    .as(label + " revenue")
                    .isEqualByComparingTo(revenueByMonth.getOrDefault(month, BigDecimal.ZERO));
            if (s > 0) {
                BigDecimal crr =
                        BigDecimal.valueOf((e - n) * 100).divide(BigDecimal.valueOf(s), 4, RoundingMode.HALF_EVEN);
                assertThat(figures.get("crr").decimalValue()).as(label + " CRR").isEqualByComparingTo(crr);
            } else {
                assertThat(figures.has("crr")).as(label + " CRR undefined").isFalse();
            }
        }
        assertThat(periods.get(0).get("newCustomers").asLong()
                        + periods.get(1).get("newCustomers").asLong()
                        + periods.get(2).get("newCustomers").asLong())
                .as("all first purchases fall in Q1 1997")
                .isEqualTo(byCustomer.size());
    }

    /** Active at boundary b: acquired before b, and b no later than 90 days after the last purchase before b. */
    private static boolean active(List<LocalDate> dates, LocalDate first, LocalDate boundary) {
        if (!first.isBefore(boundary)) {
            return false;
        }
        LocalDate last = dates.stream()
                .filter(date -> date.isBefore(boundary))
                .max(LocalDate::compareTo)
                .orElseThrow();
        return !boundary.isAfter(last.plusDays(WINDOW_DAYS));
    }

    private static int monthIndex(LocalDate date) {
        return (date.getYear() - 1997) * 12 + date.getMonthValue() - 1;
    }
}
