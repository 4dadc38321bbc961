package dev.retention.api.metrics;

import dev.retention.api.security.CurrentActor;
import dev.retention.domain.event.EventType;
import dev.retention.domain.metrics.RebuildActivitySpells;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Administration")
class ActivitySpellController {

    private final RebuildActivitySpells rebuildActivitySpells;

    ActivitySpellController(RebuildActivitySpells rebuildActivitySpells) {
        this.rebuildActivitySpells = rebuildActivitySpells;
    }

    @Schema(
            name = "ActivitySpellsRebuilt",
            description = "The kept activity state (INACTIVITY spells and purchase "
                    + "rhythms), recomputed from the events.")
    record RebuiltResponse(
            @Schema(description = "Spells kept now.", example = "1350000")
            long spells,

            @Schema(description = "The window W they are kept for, in days.", example = "90")
            long inactivityDays,

            @Schema(description = "The events that keep a customer active.")
            List<EventType> activityTypes,

            @Schema(description = "Customers with a kept purchase rhythm (those who have bought).", example = "980000")
            long purchaseRhythms,

            @Schema(description = "How long the rebuild took, in milliseconds.", example = "41000")
            long millis) {}

    @PostMapping("/api/v1/admin/activity-spells/rebuild")
    @Operation(
            operationId = "rebuildActivitySpells",
            summary = "Recompute the kept activity state",
            description = "The service keeps every customer's INACTIVITY spells for the configured window and "
                    + "activity types, and every buyer's purchase rhythm (purchase days, median and first gap, last "
                    + "purchase, totals: what the at-risk list and the purchase summaries read), up to date as events "
                    + "arrive, and recomputes the spells when either setting changes. This recomputes both from the "
                    + "events on demand: the repair after rows were changed in the database by hand. Writes wait while "
                    + "it runs (about 30 s for a million customers with 7 million purchases); reports do not. Audited "
                    + "as activity-spells.rebuilt.")
    @ApiResponse(responseCode = "200", description = "Rebuilt.")
    RebuiltResponse rebuild() {
        RebuildActivitySpells.Rebuilt rebuilt = rebuildActivitySpells.rebuild(CurrentActor.get());
        return new RebuiltResponse(
                rebuilt.kept().spells(),
                rebuilt.kept().window().toDays(),
                rebuilt.kept().activityTypes().stream().sorted().toList(),
                rebuilt.purchaseRhythms(),
                rebuilt.took().toMillis());
    }
}
