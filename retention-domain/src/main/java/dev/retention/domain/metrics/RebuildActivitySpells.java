package dev.retention.domain.metrics;

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
 * Recomputes every customer's kept INACTIVITY spells from its events: the repair for a store changed behind the
 * service's back (rows restored or deleted by hand). The rebuild is audited.
 */
public class RebuildActivitySpells {

    /** What a rebuild did. */
    public record Rebuilt(KeptActivitySpells.Kept kept, Duration took) {}

    private final KeptActivitySpells spells;
    private final AuditLog audit;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public RebuildActivitySpells(KeptActivitySpells spells, AuditLog audit, UnitOfWork unitOfWork, Clock clock) {
        this.spells = spells;
        this.audit = audit;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    public Rebuilt rebuild(Actor actor) {
        return unitOfWork.inTransaction(() -> {
            Instant started = Instants.now(clock);
            KeptActivitySpells.Kept kept = spells.rebuild();
            Instant finished = Instants.now(clock);
            Duration took = Duration.between(started, finished);
            audit.record(new AuditEntry(finished, actor.describe(), "activity-spells.rebuilt", "activity-spells",
                    Map.of("spells", Long.toString(kept.spells()), "millis", Long.toString(took.toMillis()))));
            return new Rebuilt(kept, took);
        });
    }
}
