package dev.retention.api.prediction;

import dev.retention.api.shared.PageResponse;
import dev.retention.api.shared.Paging;
import dev.retention.api.shared.ReportingSettings;
import dev.retention.api.shared.ResponseHeaders;
import dev.retention.domain.prediction.ClvModel;
import dev.retention.domain.prediction.FitClvModel;
import dev.retention.domain.prediction.ReadPredictions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/models/clv")
@Tag(
        name = "Predictions",
        description = "Predictive lifetime value: BG/NBD for purchases and P(alive), "
                + "Gamma-Gamma for spend per purchase, fitted on the stored PURCHASE events.")
class ClvModelController {

    static final String MODEL = " Purchases are summarised per customer up to the calibration end: purchases on the "
            + "same local date are merged, x = purchase dates - 1 (repeat purchases), t_x = last - first purchase "
            + "date and T = calibration end - first purchase date, in the time unit; the spend of a customer is the "
            + "mean value of its repeat purchase dates. BG/NBD parameters r, alpha, a, b and Gamma-Gamma p, q, "
            + "gamma are fitted by maximum likelihood. Lifetime value = sum over months m = 1..H of E[spend] "
            + "(E[Y(m)] - E[Y(m - 1)]) / (1 + d)^m, with Y(m) the purchases expected in the first m months "
            + "(of 365.25 / 12 days) after the calibration end.";

    private final FitClvModel fits;
    private final ReadPredictions predictions;
    private final PredictionApiMapper mapper;
    private final ReportingSettings defaults;

    ClvModelController(
            FitClvModel fits, ReadPredictions predictions, PredictionApiMapper mapper, ReportingSettings defaults) {
        this.fits = fits;
        this.predictions = predictions;
        this.mapper = mapper;
        this.defaults = defaults;
    }

    @ResponseHeaders(location = true)
    @PostMapping
    @Operation(
            operationId = "fitClvModel",
            summary = "Fit a lifetime-value model",
            description = "Queues a fit and returns at once with 202 and the model's Location; poll it for "
                    + "progress. When it succeeds it becomes the model of its segment (or of all customers): its "
                    + "predictions replace those of the segment's earlier model. It fails with a message when "
                    + "fewer than 20 customers (or 10 with repeat purchases) bought before the calibration end or "
                    + "the likelihood has no maximum inside the parameter bounds." + MODEL)
    @ApiResponse(responseCode = "202", description = "Queued.")
    @ApiResponse(responseCode = "400", description = "Invalid settings; errors names each field.")
    ResponseEntity<ClvModelResponse> fit(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "How to fit the model.") @RequestBody
                    ClvModelRequest request) {
        ClvModel model = fits.submit(request.toSettings(defaults.zone()));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(model.id())
                .toUri();
        return ResponseEntity.accepted().location(location).body(mapper.toResponse(model));
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getClvModel",
            summary = "Get one model fit",
            description = "Status, stage and progress of the job; once it succeeded the parameters, log-likelihoods, "
                    + "customers fitted, optimiser evaluations and standard errors of both models." + MODEL)
    @ApiResponse(responseCode = "200", description = "The model.")
    @ApiResponse(responseCode = "404", description = "No model has this id.")
    ClvModelResponse get(@Parameter(description = "The model's id.") @PathVariable UUID id) {
        return mapper.toResponse(predictions.model(id));
    }

    @GetMapping
    @Operation(
            operationId = "listClvModels",
            summary = "List model fits",
            description = "Pages through all fits, the latest request first.")
    @ApiResponse(responseCode = "200", description = "One page; items is empty when there is none.")
    @ApiResponse(responseCode = "400", description = "page or size out of range.")
    PageResponse<ClvModelResponse> list(
            @Parameter(description = "Zero-based page number.") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 500.") @RequestParam(defaultValue = Paging.DEFAULT_SIZE)
                    int size) {
        return PageResponse.of(predictions.models(Paging.of(page, size)), mapper::toResponse);
    }
}
