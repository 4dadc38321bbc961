package dev.retention.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.ApiTest;
import dev.retention.support.Cdnow;
import dev.retention.support.Cdnow.Purchase;
import dev.retention.support.Http.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Revenue retention of the CDNOW sample (6,919 purchases of 2,357 customers, January 1997 to June 1998, all through
 * the batch API), month by month, against figures computed here, independently, in plain Java from the raw file:
 * each customer's revenue per month, then the definitions of the README applied customer by customer.
 */
class CdnowRevenueTest extends ApiTest {

    private static final LocalDate FIRST_MONTH = LocalDate.parse("1997-01-01");
    private static final int MONTHS = 18;

    @DynamicPropertySource
    static void dollars(DynamicPropertyRegistry registry) {
        registry.add("retention.currency", () -> "USD");
    }

    private record Expected(
            BigDecimal baseRevenue,
            BigDecimal netRetained,
            BigDecimal grossRetained,
            Map<String, Long> customers,
            Map<String, BigDecimal> amounts) {}

    private static int month(LocalDate date) {
        return (date.getYear() - 1997) * 12 + date.getMonthValue() - 1;
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 4, RoundingMode.HALF_EVEN);
    }

    /** Month P against month P - compareBy, for every customer; movements only when compareBy is 1. */
    private static Expected expected(Map<Integer, Map<Integer, BigDecimal>> byCustomer, int p, int compareBy) {
        BigDecimal base = BigDecimal.ZERO;
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal gross = BigDecimal.ZERO;
        Map<String, Long> customers = new HashMap<>();
        Map<String, BigDecimal> amounts = new HashMap<>();
        for (Map<Integer, BigDecimal> months : byCustomer.values()) {
            BigDecimal now = months.getOrDefault(p, BigDecimal.ZERO);
            BigDecimal before = months.getOrDefault(p - compareBy, BigDecimal.ZERO);
            if (before.signum() > 0) {
                base = base.add(before);
                net = net.add(now);
                gross = gross.add(now.min(before));
            }
            String movement = null;
            BigDecimal amount = now.subtract(before).abs();
            if (before.signum() == 0 && now.signum() > 0) {
                boolean earlier = months.keySet().stream()
                        .anyMatch(m -> m < p - 1 && months.get(m).signum() > 0);
                movement = earlier ? "reactivated" : "newRevenue";
            } else if (before.signum() > 0 && now.signum() == 0) {
                movement = "churned";
            } else if (before.signum() > 0) {
                int change = now.compareTo(before);
                movement = change > 0 ? "expansion" : change < 0 ? "contraction" : "unchanged";
            }
            if (movement != null) {
                customers.merge(movement, 1L, Long::sum);
                amounts.merge(movement, amount, BigDecimal::add);
            }
        }
        return new Expected(base, net, gross, customers, amounts);
    }

    @Test
    void everyMonthAgainstTheOneBeforeAndAYearEarlierMatchesAnIndependentComputation() throws Exception {
        List<Purchase> purchases = Cdnow.purchases();
        Cdnow.importThroughTheApi(http, purchases);
        Map<Integer, Map<Integer, BigDecimal>> byCustomer = new TreeMap<>();
        for (Purchase purchase : purchases) {
            byCustomer
                    .computeIfAbsent(purchase.customer(), c -> new HashMap<>())
                    .merge(month(purchase.date()), purchase.amount(), BigDecimal::add);
        }

        Response previous =
                http.get("/api/v1/metrics/revenue?from=1997-01-01&to=1998-07-01&granularity=MONTH&zone=UTC");
        Response yearAgo = http.get(
                "/api/v1/metrics/revenue?from=1998-01-01&to=1998-07-01&granularity=MONTH&zone=UTC&compareTo=YEAR_AGO");

        assertThat(previous.status()).as(previous.toString()).isEqualTo(200);
        JsonNode periods = previous.json().get("periods");
        assertThat(periods).hasSize(MONTHS);
        for (int p = 0; p < MONTHS; p++) {
            JsonNode figures = periods.get(p);
            String label = "month " + FIRST_MONTH.plusMonths(p);
            Expected expected = expected(byCustomer, p, 1);
            assertThat(figures.get("baseRevenue").decimalValue())
                    .as(label + " base")
                    .isEqualByComparingTo(expected.baseRevenue());
            if (expected.baseRevenue().signum() > 0) {
                assertThat(figures.get("nrr").decimalValue())
                        .as(label + " NRR")
                        .isEqualByComparingTo(percent(expected.netRetained(), expected.baseRevenue()));
                assertThat(figures.get("grr").decimalValue())
                        .as(label + " GRR")
                        .isEqualByComparingTo(percent(expected.grossRetained(), expected.baseRevenue()));
            } else {
                assertThat(figures.has("nrr")).as(label + " NRR undefined").isFalse();
            }
            for (String movement :
                    List.of("newRevenue", "expansion", "contraction", "churned", "reactivated", "unchanged")) {
                JsonNode moved = figures.get("movements").get(movement);
                assertThat(moved.get("customers").asLong())
                        .as(label + " " + movement)
                        .isEqualTo(expected.customers().getOrDefault(movement, 0L));
                assertThat(moved.get("amount").decimalValue())
                        .as(label + " " + movement + " amount")
                        .isEqualByComparingTo(expected.amounts().getOrDefault(movement, BigDecimal.ZERO));
            }
        }
        assertThat(periods.get(0)
                                .get("movements")
                                .get("newRevenue")
                                .get("customers")
                                .asLong()
                        + periods.get(1)
                                .get("movements")
                                .get("newRevenue")
                                .get("customers")
                                .asLong()
                        + periods.get(2)
                                .get("movements")
                                .get("newRevenue")
                                .get("customers")
                                .asLong())
                .as("every customer's first revenue falls in Q1 1997, the free orders' customers aside")
                .isEqualTo(byCustomer.values().stream()
                        .filter(months -> months.values().stream().anyMatch(amount -> amount.signum() > 0))
                        .count());
        JsonNode yearAgoPeriods = yearAgo.json().get("periods");
        for (int p = 12; p < MONTHS; p++) {
            Expected expected = expected(byCustomer, p, 12);
            assertThat(yearAgoPeriods.get(p - 12).get("nrr").decimalValue())
                    .as("month " + FIRST_MONTH.plusMonths(p) + " against a year earlier")
                    .isEqualByComparingTo(percent(expected.netRetained(), expected.baseRevenue()));
        }
    }
}
