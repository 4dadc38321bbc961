package dev.retention.domain.metrics;

import dev.retention.domain.risk.KeptPurchaseRhythms;
import dev.retention.domain.security.Actor;
import dev.retention.domain.security.AuditEntry;
import dev.retention.domain.security.AuditLog;
import dev.retention.domain.shared.Instants;
import dev.retention.domain.shared.UnitOfWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Recomputes the activity state kept per customer from its events: its INACTIVITY spells and its purchase rhythm.
 * The repair for a store changed behind the service's back (rows restored or deleted by hand). The rebuild is
 * audited.
 */
public class RebuildActivitySpells {

    /** What a rebuild did. */
    public record Rebuilt(KeptActivitySpells.Kept kept, long purchaseRhythms, Duration took) {}

    private final KeptActivitySpells spells;
    private final KeptPurchaseRhythms rhythms;
    private final AuditLog audit;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public RebuildActivitySpells(
            KeptActivitySpells spells,
            KeptPurchaseRhythms rhythms,
            AuditLog audit,
            UnitOfWork unitOfWork,
            Clock clock) {
        this.spells = spells;
        this.rhythms = rhythms;
        this.audit = audit;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    public Rebuilt rebuild(Actor actor) {
        return unitOfWork.inTransaction(() -> {
            Instant started = Instants.now(clock);
            KeptActivitySpells.Kept kept = spells.rebuild();
            long purchaseRhythms = rhythms.rebuild();
            Instant finished = Instants.now(clock);
            Duration took = Duration.between(started, finished);
            audit.record(new AuditEntry(
                    finished,
                    actor.describe(),
                    "activity-spells.rebuilt",
                    "activity-spells",
                    Map.of(
                            "spells",
                            Long.toString(kept.spells()),
                            "purchaseRhythms",
                            Long.toString(purchaseRhythms),
                            "millis",
                            Long.toString(took.toMillis()))));
            return new Rebuilt(kept, purchaseRhythms, took);
        });
    }
}
