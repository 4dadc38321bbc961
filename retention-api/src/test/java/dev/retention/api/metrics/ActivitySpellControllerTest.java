package dev.retention.api.metrics;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.retention.api.shared.WebSliceTest;
import dev.retention.domain.event.EventType;
import dev.retention.domain.metrics.KeptActivitySpells;
import dev.retention.domain.metrics.RebuildActivitySpells;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The rebuild of the kept activity state over HTTP: what was kept, in what window, and how long it took. */
@WebSliceTest
@Import(ActivitySpellController.class)
class ActivitySpellControllerTest {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private RebuildActivitySpells rebuild;

    @Test
    void theRebuildReportsTheSpellsTheirWindowInDaysTheActivityTypesInOrderAndTheRhythms() throws Exception {
        given(rebuild.rebuild(any()))
                .willReturn(new RebuildActivitySpells.Rebuilt(
                        new KeptActivitySpells.Kept(
                                1350, Duration.ofDays(60), EnumSet.of(EventType.PURCHASE, EventType.LOGIN)),
                        980,
                        Duration.ofMillis(4100)));

        mvc.perform(post("/api/v1/admin/activity-spells/rebuild"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.spells").value(1350))
                .andExpect(jsonPath("$.inactivityDays").value(60))
                .andExpect(jsonPath("$.activityTypes[0]").value("PURCHASE"))
                .andExpect(jsonPath("$.activityTypes[1]").value("LOGIN"))
                .andExpect(jsonPath("$.purchaseRhythms").value(980))
                .andExpect(jsonPath("$.millis").value(4100));
    }
}
