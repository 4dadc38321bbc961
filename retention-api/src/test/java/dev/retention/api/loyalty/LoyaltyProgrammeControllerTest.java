package dev.retention.api.loyalty;

import static dev.retention.api.shared.ProblemAssertions.fieldError;
import static dev.retention.api.shared.ProblemAssertions.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.retention.api.shared.WebSliceTest;
import dev.retention.domain.loyalty.ChangeProgramme;
import dev.retention.domain.loyalty.LoyaltyProgramme;
import dev.retention.domain.loyalty.ProgrammeVersion;
import dev.retention.domain.loyalty.Tier;
import dev.retention.domain.shared.ConflictException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The programme's rules over HTTP: the versions, a new version's tiers as sent, and what is refused. */
@WebSliceTest
@Import({LoyaltyProgrammeController.class, LoyaltyApiMapperImpl.class})
class LoyaltyProgrammeControllerTest {

    private static final Instant FROM = Instant.parse("2027-01-01T00:00:00Z");
    private static final List<Tier> TIERS =
            List.of(new Tier("Green", 0, BigDecimal.ONE), new Tier("Gold", 1000, new BigDecimal("1.5")));

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ChangeProgramme changeProgramme;

    private static ProgrammeVersion version() {
        return new ProgrammeVersion(
                UUID.fromString("3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a"),
                FROM,
                new BigDecimal("2"),
                TIERS,
                24,
                false,
                Instant.parse("2026-11-30T00:00:00Z"));
    }

    @Test
    void beforeAnyVersionTakesEffectThereIsNoCurrentVersionButTheFutureOneIsListed() throws Exception {
        given(changeProgramme.current())
                .willReturn(new ChangeProgramme.Programme(new LoyaltyProgramme(List.of(version())), Optional.empty()));

        mvc.perform(get("/api/v1/loyalty/programme"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.current").doesNotExist())
                .andExpect(jsonPath("$.versions[0].effectiveFrom").value("2027-01-01T00:00:00Z"))
                .andExpect(jsonPath("$.versions[0].tiers[1].name").value("Gold"))
                .andExpect(jsonPath("$.versions[0].tiers[1].multiplier").value(1.5));
    }

    @Test
    void aVersionIsAddedWithItsTiersInTheOrderSentAndWithoutAutomaticEnrolmentByDefault() throws Exception {
        given(changeProgramme.add(FROM, new BigDecimal("2"), TIERS, 24, false)).willReturn(version());

        mvc.perform(
                        post("/api/v1/loyalty/programme/versions")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"effectiveFrom\":\"2027-01-01T00:00:00Z\",\"pointsPerUnit\":2,"
                                                + "\"pointsLifetimeMonths\":24,\"tiers\":[{\"name\":\"Green\",\"qualifyingPoints\":0,"
                                                + "\"multiplier\":1},{\"name\":\"Gold\",\"qualifyingPoints\":1000,\"multiplier\":1.5}]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.pointsPerUnit").value(2))
                .andExpect(jsonPath("$.pointsLifetimeMonths").value(24));
    }

    @Test
    void withoutPointsPerUnitTheVersionIsRefusedNamingIt() throws Exception {
        mvc.perform(post("/api/v1/loyalty/programme/versions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"effectiveFrom\":\"2027-01-01T00:00:00Z\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(problem(400, "invalid-input"))
                .andExpect(fieldError("pointsPerUnit"));

        verifyNoInteractions(changeProgramme);
    }

    @Test
    void aVersionThatDoesNotFollowTheLatestIsAConflict() throws Exception {
        given(changeProgramme.add(any(), any(), anyList(), eq(null), anyBoolean()))
                .willThrow(new ConflictException(
                        "programme-version-order", "effectiveFrom must be after the latest version's"));

        mvc.perform(post("/api/v1/loyalty/programme/versions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"effectiveFrom\":\"2027-01-01T00:00:00Z\",\"pointsPerUnit\":1}"))
                .andExpect(status().isConflict())
                .andExpect(problem(409, "programme-version-order"));
    }
}
