package dev.retention.api.prediction;

import dev.retention.api.shared.EnumDocumentation;
import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.prediction.ClvModel;
import dev.retention.domain.prediction.PredictionOrder;
import dev.retention.domain.prediction.ReadPredictions;
import dev.retention.domain.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Predictions")
class PredictionController {

    private final ReadPredictions predictions;
    private final PredictionApiMapper mapper;
    private final String currency;

    PredictionController(
            ReadPredictions predictions,
            PredictionApiMapper mapper,
            @Value("${retention.currency:EUR}") String currency) {
        this.predictions = predictions;
        this.mapper = mapper;
        this.currency = currency;
    }

    @GetMapping("/api/v1/customers/{id}/prediction")
    @Operation(
            operationId = "getCustomerPrediction",
            summary = "What the model expects of one customer",
            description = "P(alive), expected purchases in the next 30, 90 and 365 days, expected spend per purchase "
                    + "and predicted lifetime value, from the current model of the customer's segment, or of all "
                    + "customers when the segment has none." + ClvModelController.MODEL)
    @ApiResponse(responseCode = "200", description = "The prediction.")
    @ApiResponse(
            responseCode = "404",
            description = "No such customer, no model fitted yet, or the customer made "
                    + "no purchase up to the model's calibration end; detail says which.")
    PredictionResponse customerPrediction(@Parameter(description = "The customer's id.") @PathVariable UUID id) {
        ReadPredictions.Predicted predicted = predictions.forCustomer(CustomerId.of(id));
        return mapper.toResponse(predicted.model(), predicted.prediction(), currency);
    }

    @GetMapping("/api/v1/predictions")
    @Operation(
            operationId = "listPredictions",
            summary = "The most valuable customers, or those most likely lost",
            description = "Ranks the customers of the current model of the segment (or of all customers): by "
                    + "predicted lifetime value, highest first (orderBy=clv), or by P(alive), lowest first "
                    + "(orderBy=pAlive); ties by customer id." + ClvModelController.MODEL)
    @ApiResponse(responseCode = "200", description = "The ranked customers.")
    @ApiResponse(responseCode = "400", description = "orderBy or limit is invalid; errors names it.")
    @ApiResponse(responseCode = "404", description = "No model has been fitted for the segment.")
    PredictionListResponse ranked(
            @Parameter(
                            description = "clv (default) or pAlive.",
                            schema = @Schema(ref = EnumDocumentation.PREDICTION_ORDER))
                    @RequestParam(defaultValue = "clv")
                    String orderBy,
            @Parameter(description = "How many customers, 1 to 500; default 50.") @RequestParam(defaultValue = "50")
                    int limit,
            @Parameter(description = "Use the model of this segment; absent: the model of all customers.")
                    @RequestParam(required = false)
                    String segment) {
        PredictionOrder order = order(orderBy);
        String modelSegment = segment == null || segment.isBlank() ? null : segment.trim();
        ReadPredictions.Ranking ranking = predictions.ranked(modelSegment, order, limit);
        ClvModel model = ranking.model();
        return new PredictionListResponse(
                model.id(),
                model.finishedAt(),
                modelSegment,
                order.value(),
                ranking.predictions().stream()
                        .map(prediction -> mapper.toResponse(model, prediction, currency))
                        .toList());
    }

    private static PredictionOrder order(String orderBy) {
        return PredictionOrder.fromValue(orderBy)
                .orElseThrow(() -> InvalidInputException.of(
                        "orderBy",
                        "must be one of "
                                + Arrays.stream(PredictionOrder.values())
                                        .map(PredictionOrder::value)
                                        .toList()));
    }
}
