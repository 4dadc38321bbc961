package dev.retention.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.Http.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Delivers customers' events out of order the two ways the database merges them into kept state: part in a few large
 * batches (several events per customer, merged by unfolding what is kept), then the rest one event per customer per
 * batch (merged into the kept state in place), so that a late event lands before, between or after what a customer
 * already has.
 */
public final class ShuffledDelivery {

    private ShuffledDelivery() {}

    /** Posts the events (each naming its customer by {@code externalId}) in random order and expects all stored. */
    public static void post(Http http, List<Map<String, Object>> events, Random random) {
        List<Map<String, Object>> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, random);
        int bulk = shuffled.size() * 2 / 5;
        List<List<Map<String, Object>>> batches = new ArrayList<>();
        batches.add(shuffled.subList(0, bulk / 2));
        batches.add(shuffled.subList(bulk / 2, bulk));
        Map<Object, Integer> delivered = new HashMap<>();
        List<List<Map<String, Object>>> rounds = new ArrayList<>();
        for (Map<String, Object> event : shuffled.subList(bulk, shuffled.size())) {
            int round = delivered.merge(event.get("externalId"), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(event);
        }
        batches.addAll(rounds);
        for (List<Map<String, Object>> batch : batches) {
            Response stored = http.post("/api/v1/events:batch", Map.of("events", batch));
            assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        }
    }
}
