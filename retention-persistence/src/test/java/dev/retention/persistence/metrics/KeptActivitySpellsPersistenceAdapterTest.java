package dev.retention.persistence.metrics;

import static dev.retention.domain.event.EventType.LOGIN;
import static dev.retention.domain.event.EventType.PURCHASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.event.EventType;
import dev.retention.domain.metrics.KeptActivitySpells;
import dev.retention.persistence.support.AdapterTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * The spells kept for a window and activity types, worked out by hand: recomputed when the settings change, kept up
 * to date by the triggers as events arrive, and rebuilt on demand.
 */
@SpringJUnitConfig({AdapterTest.Infrastructure.class, KeptActivitySpellsPersistenceAdapter.class})
class KeptActivitySpellsPersistenceAdapterTest extends AdapterTest {

    private static final Duration THIRTY_DAYS = Duration.ofDays(30);

    @Autowired
    private KeptActivitySpells spells;

    @AfterEach
    void backToTheDefaultSettings() {
        spells.keepFor(Duration.ofDays(90), Set.of(PURCHASE));
    }

    private void login(UUID customer, String at) {
        jdbc.update(
                "insert into customer_event (id, customer_id, type, occurred_at, event_key, recorded_at) "
                        + "values (?, ?, 'LOGIN', ?, ?, now())",
                UUID.randomUUID(),
                customer,
                Timestamp.from(Instant.parse(at)),
                "login-" + at);
    }

    /** The kept spells of the customer as [from, until] pairs. */
    private List<List<Instant>> kept(UUID customer) {
        return jdbc.queryForObject(
                "select acquired_at, first_until, later_from, later_until from customer_activity where customer_id = ?",
                (row, number) -> {
                    List<List<Instant>> found = new ArrayList<>();
                    found.add(List.of(
                            row.getTimestamp("acquired_at").toInstant(),
                            row.getTimestamp("first_until").toInstant()));
                    if (row.getArray("later_from") != null) {
                        Timestamp[] from =
                                (Timestamp[]) row.getArray("later_from").getArray();
                        Timestamp[] until =
                                (Timestamp[]) row.getArray("later_until").getArray();
                        for (int i = 0; i < from.length; i++) {
                            found.add(List.of(from[i].toInstant(), until[i].toInstant()));
                        }
                    }
                    return found;
                },
                customer);
    }

    private static List<Instant> spell(String from, String until) {
        return Arrays.asList(Instant.parse(from), Instant.parse(until));
    }

    /*
     * Acquired 1 January; purchases 20 January and 15 March; a login on 25 February. W = 30 days.
     * Purchases only: [1 Jan, 19 Feb] and [15 Mar, 14 Apr].
     * With logins: the login starts a spell on 25 February that the purchase of 15 March extends: [25 Feb, 14 Apr].
     */
    @Test
    void newSettingsRecomputeTheSpellsAndTheSameSettingsChangeNothing() {
        UUID ada = customer("crm-ada", null);
        money(ada, PURCHASE, "2026-01-20T00:00:00Z", "10");
        money(ada, PURCHASE, "2026-03-15T00:00:00Z", "10");
        login(ada, "2026-02-25T00:00:00Z");

        long recomputed = spells.keepFor(THIRTY_DAYS, Set.of(PURCHASE));
        List<List<Instant>> purchasesOnly = kept(ada);
        long unchanged = spells.keepFor(THIRTY_DAYS, Set.of(PURCHASE));
        spells.keepFor(THIRTY_DAYS, Set.of(PURCHASE, LOGIN));

        assertThat(recomputed).isEqualTo(2);
        assertThat(unchanged).isEqualTo(-1);
        assertThat(purchasesOnly)
                .containsExactly(
                        spell("2026-01-01T00:00:00Z", "2026-02-19T00:00:00Z"),
                        spell("2026-03-15T00:00:00Z", "2026-04-14T00:00:00Z"));
        assertThat(kept(ada))
                .containsExactly(
                        spell("2026-01-01T00:00:00Z", "2026-02-19T00:00:00Z"),
                        spell("2026-02-25T00:00:00Z", "2026-04-14T00:00:00Z"));
    }

    /* A purchase on 22 February, more than 30 days after 20 January, moves the second spell's start there. */
    @Test
    void aLateEventIsMergedIntoTheKeptSpellsAsItArrivesAndARebuildAgrees() {
        spells.keepFor(THIRTY_DAYS, Set.of(PURCHASE, LOGIN));
        UUID ada = customer("crm-ada", null);
        money(ada, PURCHASE, "2026-01-20T00:00:00Z", "10");
        money(ada, PURCHASE, "2026-03-15T00:00:00Z", "10");
        login(ada, "2026-02-25T00:00:00Z");

        money(ada, PURCHASE, "2026-02-22T00:00:00Z", "10");
        List<List<Instant>> incremental = kept(ada);
        KeptActivitySpells.Kept rebuilt = spells.rebuild();

        assertThat(incremental)
                .containsExactly(
                        spell("2026-01-01T00:00:00Z", "2026-02-19T00:00:00Z"),
                        spell("2026-02-22T00:00:00Z", "2026-04-14T00:00:00Z"));
        assertThat(kept(ada)).isEqualTo(incremental);
        assertThat(rebuilt)
                .isEqualTo(new KeptActivitySpells.Kept(2, THIRTY_DAYS, Set.of(EventType.PURCHASE, EventType.LOGIN)));
    }
}
