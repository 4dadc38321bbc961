package dev.retention.app.prediction;

import dev.retention.domain.prediction.ModelTimeUnit;
import dev.retention.domain.prediction.PurchaseModelKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the scheduled refit under {@code retention.prediction.*}.
 *
 * @param refitCron when to refit (Spring cron, in the reporting zone); {@code -} turns the refit off
 * @param refitSegments segments that get their own model besides the model of all customers
 * @param timeUnit the time unit of scheduled fits
 * @param horizonMonths the lifetime-value horizon of scheduled fits
 * @param monthlyDiscountRate the monthly discount rate of scheduled fits
 * @param purchaseModel the purchase model of scheduled fits
 * @param fitLease how long a running fit stays this instance's without renewal; after that another instance takes
 *     it over (a fit queued that long and never started too)
 * @param leaseCheck how often this instance renews its leases and looks for fits to take over; well below fitLease
 */
@ConfigurationProperties("retention.prediction")
public record PredictionProperties(
        @DefaultValue("-") String refitCron,
        @DefaultValue List<String> refitSegments,
        @DefaultValue("WEEK") ModelTimeUnit timeUnit,
        @DefaultValue("12") int horizonMonths,
        @DefaultValue("0.01") BigDecimal monthlyDiscountRate,
        @DefaultValue("BG_NBD") PurchaseModelKind purchaseModel,
        @DefaultValue("30s") Duration fitLease,
        @DefaultValue("10s") Duration leaseCheck) {}
