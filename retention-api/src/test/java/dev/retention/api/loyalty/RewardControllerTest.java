package dev.retention.api.loyalty;

import static dev.retention.api.shared.ProblemAssertions.fieldError;
import static dev.retention.api.shared.ProblemAssertions.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.retention.api.shared.WebSliceTest;
import dev.retention.domain.loyalty.ManageRewards;
import dev.retention.domain.loyalty.ManageRewards.RewardDraft;
import dev.retention.domain.loyalty.Reward;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.domain.shared.ResourceNotFoundException;
import dev.retention.domain.shared.Violation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The reward catalogue over HTTP: a reward added, changed, listed and archived, and what is refused. */
@WebSliceTest
@Import({RewardController.class, LoyaltyApiMapperImpl.class})
class RewardControllerTest {

    private static final UUID ID = UUID.fromString("2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f");
    private static final Instant ADDED = Instant.parse("2026-11-01T12:00:00Z");
    private static final RewardDraft MUG = new RewardDraft("Mug", "A blue mug", 500L, 20, null, null, "Gold");

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ManageRewards rewards;

    private static Reward mug(boolean archived) {
        return new Reward(ID, "Mug", "A blue mug", 500, 20, null, null, "Gold", archived, ADDED, ADDED);
    }

    @Test
    void aRewardIsAddedWith201AndItsLocation() throws Exception {
        given(rewards.add(MUG)).willReturn(mug(false));

        mvc.perform(post("/api/v1/loyalty/rewards")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Mug\",\"description\":\"A blue mug\",\"costPoints\":500,\"stock\":20,"
                                + "\"minimumTier\":\"Gold\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "http://localhost/api/v1/loyalty/rewards/" + ID))
                .andExpect(jsonPath("$.costPoints").value(500))
                .andExpect(jsonPath("$.minimumTier").value("Gold"))
                .andExpect(jsonPath("$.archived").value(false));
    }

    @Test
    void whatTheCatalogueRefusesIsNamedByField() throws Exception {
        given(rewards.add(any()))
                .willThrow(new InvalidInputException(List.of(new Violation("costPoints", "must be at least 1"))));

        mvc.perform(post("/api/v1/loyalty/rewards")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Mug\",\"costPoints\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(problem(400, "invalid-input"))
                .andExpect(fieldError("costPoints"));
    }

    @Test
    void aFieldOfTheWrongTypeIsRefusedBeforeTheCatalogueSeesIt() throws Exception {
        mvc.perform(post("/api/v1/loyalty/rewards")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Mug\",\"costPoints\":\"many\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(fieldError("costPoints"));

        verifyNoInteractions(rewards);
    }

    @Test
    void aRewardIsReplacedListedAndArchived() throws Exception {
        given(rewards.replace(eq(ID), eq(MUG))).willReturn(mug(false));
        given(rewards.list(true, new PageRequest(0, 50))).willReturn(new Page<>(List.of(mug(true)), 0, 50, 1));

        mvc.perform(put("/api/v1/loyalty/rewards/{id}", ID)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Mug\",\"description\":\"A blue mug\",\"costPoints\":500,\"stock\":20,"
                                + "\"minimumTier\":\"Gold\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(ID.toString()));
        mvc.perform(get("/api/v1/loyalty/rewards").param("includeArchived", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].archived").value(true));
        mvc.perform(delete("/api/v1/loyalty/rewards/{id}", ID)).andExpect(status().isNoContent());

        verify(rewards).archive(ID);
    }

    @Test
    void anUnknownRewardIsNotFoundForEveryOperation() throws Exception {
        given(rewards.find(ID)).willThrow(new ResourceNotFoundException("Reward", ID));
        willThrow(new ResourceNotFoundException("Reward", ID)).given(rewards).archive(ID);

        mvc.perform(get("/api/v1/loyalty/rewards/{id}", ID))
                .andExpect(status().isNotFound())
                .andExpect(problem(404, "not-found"));
        mvc.perform(delete("/api/v1/loyalty/rewards/{id}", ID))
                .andExpect(status().isNotFound())
                .andExpect(problem(404, "not-found"));
    }
}
