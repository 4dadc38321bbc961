package dev.retention.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.Http.Response;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CDNOW sample (shared/data/README.md): its purchase rows, and their import through the batch API, each purchase
 * at 00:00 UTC of its date under external id {@code cdnow-<customer>}, in US dollars.
 */
public final class Cdnow {

    private static final int BATCH = 5_000;

    private Cdnow() {}

    public record Purchase(int customer, LocalDate date, BigDecimal amount) {}

    /** Every row of CDNOW_sample.txt, in file order. */
    public static List<Purchase> purchases() throws IOException {
        List<Purchase> purchases = new ArrayList<>();
        for (String line : Files.readAllLines(DataSets.require("cdnow", "CDNOW_sample.txt"))) {
            if (line.isBlank()) {
                continue;
            }
            String[] columns = line.trim().split("\\s+");
            purchases.add(new Purchase(
                    Integer.parseInt(columns[1]),
                    LocalDate.parse(columns[2], DateTimeFormatter.BASIC_ISO_DATE),
                    new BigDecimal(columns[4])));
        }
        return purchases;
    }

    /** Records the purchases as PURCHASE events, creating the customers on their first purchase. */
    public static void importThroughTheApi(Http http, List<Purchase> purchases) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int row = 0; row < purchases.size(); row++) {
            Purchase purchase = purchases.get(row);
            Map<String, Object> event = new HashMap<>();
            event.put("externalId", "cdnow-" + purchase.customer());
            event.put("createCustomer", true);
            event.put("type", "PURCHASE");
            event.put(
                    "occurredAt",
                    purchase.date().atStartOfDay(ZoneOffset.UTC).toInstant().toString());
            event.put("amount", purchase.amount().toPlainString());
            event.put("currency", "USD");
            event.put("eventKey", "cdnow-row-" + row);
            events.add(event);
        }
        for (int from = 0; from < events.size(); from += BATCH) {
            Response response = http.post(
                    "/api/v1/events:batch",
                    Map.of("events", events.subList(from, Math.min(events.size(), from + BATCH))));
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
        }
    }
}
