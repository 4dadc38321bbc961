package dev.retention.api.loyalty;

import static dev.retention.api.shared.ProblemAssertions.fieldError;
import static dev.retention.api.shared.ProblemAssertions.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.retention.api.shared.WebSliceTest;
import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.loyalty.LoyaltyAccount;
import dev.retention.domain.loyalty.ManageAccounts;
import dev.retention.domain.loyalty.RedeemReward;
import dev.retention.domain.shared.ConflictException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** A member's account over HTTP: the statement's fields, refused adjustments, and the conflicts of redemption. */
@WebSliceTest
@Import({LoyaltyAccountController.class, LoyaltyApiMapperImpl.class})
class LoyaltyAccountControllerTest {

    private static final UUID MEMBER = UUID.fromString("5d0b7c1e-3a8f-4f59-8d6e-2b9c4a1e7f30");
    private static final Instant JOINED = Instant.parse("2026-02-01T08:00:00Z");
    private static final LoyaltyAccount ACCOUNT =
            new LoyaltyAccount(MEMBER, JOINED, 120, 300, 5, "Gold", Instant.parse("2026-05-01T00:00:00Z"));

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ManageAccounts manageAccounts;

    @MockitoBean
    private RedeemReward redeemReward;

    @Test
    void theStatementShowsTheAccountAndThePointsAboutToExpire() throws Exception {
        given(manageAccounts.statement(CustomerId.of(MEMBER))).willReturn(new ManageAccounts.Statement(ACCOUNT, 40));

        mvc.perform(get("/api/v1/loyalty/accounts/{customerId}", MEMBER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customerId").value(MEMBER.toString()))
                .andExpect(jsonPath("$.balance").value(120))
                .andExpect(jsonPath("$.lifetimePoints").value(300))
                .andExpect(jsonPath("$.shortfall").value(5))
                .andExpect(jsonPath("$.tier").value("Gold"))
                .andExpect(jsonPath("$.tierSince").value("2026-05-01T00:00:00Z"))
                .andExpect(jsonPath("$.pointsExpiringIn30Days").value(40));
    }

    @Test
    void anAdjustmentWithoutPointsIsRefusedNamingTheField() throws Exception {
        mvc.perform(post("/api/v1/loyalty/accounts/{customerId}/adjustments", MEMBER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"goodwill\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(problem(400, "invalid-input"))
                .andExpect(fieldError("points"));

        verifyNoInteractions(manageAccounts);
    }

    @Test
    void aRedemptionBeyondTheBalanceIsAConflictOfItsOwnType() throws Exception {
        given(redeemReward.redeem(any(), any(), anyString()))
                .willThrow(new ConflictException("insufficient-points", "The balance is 120 points; 200 needed"));

        mvc.perform(post("/api/v1/loyalty/accounts/{customerId}/redemptions", MEMBER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rewardId\":\"" + UUID.randomUUID() + "\",\"idempotencyKey\":\"r-1\"}"))
                .andExpect(status().isConflict())
                .andExpect(problem(409, "insufficient-points"))
                .andExpect(jsonPath("$.detail").value("The balance is 120 points; 200 needed"));
    }

    @Test
    void anAdjustmentReturnsTheAccountAfterIt() throws Exception {
        LoyaltyAccount after = new LoyaltyAccount(MEMBER, JOINED, 145, 325, 5, "Gold", JOINED);
        given(manageAccounts.adjust(CustomerId.of(MEMBER), 25, "goodwill")).willReturn(after);
        given(manageAccounts.statement(after)).willReturn(new ManageAccounts.Statement(after, 0));

        mvc.perform(post("/api/v1/loyalty/accounts/{customerId}/adjustments", MEMBER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"points\":25,\"reason\":\"goodwill\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(145))
                .andExpect(jsonPath("$.pointsExpiringIn30Days").value(0));
    }
}
