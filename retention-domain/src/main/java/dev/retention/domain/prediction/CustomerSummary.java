package dev.retention.domain.prediction;

import java.util.UUID;

/** A customer and its purchase summary for one model. */
public record CustomerSummary(UUID customerId, PurchaseSummary summary) {}
