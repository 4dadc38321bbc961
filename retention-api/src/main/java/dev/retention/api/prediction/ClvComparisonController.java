package dev.retention.api.prediction;

import dev.retention.api.shared.ReportingSettings;
import dev.retention.api.shared.ResponseHeaders;
import dev.retention.domain.prediction.ClvModel;
import dev.retention.domain.prediction.ClvModelStatus;
import dev.retention.domain.prediction.FitClvModel;
import dev.retention.domain.prediction.ReadPredictions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@Tag(name = "Predictions")
class ClvComparisonController {

    private final FitClvModel fits;
    private final ReadPredictions predictions;
    private final ReportingSettings defaults;

    ClvComparisonController(FitClvModel fits, ReadPredictions predictions, ReportingSettings defaults) {
        this.fits = fits;
        this.predictions = predictions;
        this.defaults = defaults;
    }

    @ResponseHeaders(location = true)
    @PostMapping("/api/v1/models/clv:compare")
    @Operation(
            operationId = "compareClvModels",
            summary = "Compare purchase models on a calibration/holdout split",
            description = "Queues one fit per purchase model (BG/NBD, MBG/NBD, Pareto/NBD) on the same calibration "
                    + "and holdout ends and returns at once with 202 and the comparison's Location; poll it. The "
                    + "fits run in the background like any fit, score no customer and never replace a segment's "
                    + "model; each reports its holdout validation, and the comparison ranks them by the mean "
                    + "absolute error per customer on the holdout.")
    @ApiResponse(responseCode = "202", description = "Queued.")
    @ApiResponse(responseCode = "400", description = "Invalid settings; errors names each field.")
    @ApiResponse(
            responseCode = "422",
            description = "The holdout does not end after the calibration, or not before today.")
    ResponseEntity<ClvComparisonResponse> compare(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "What to compare.") @RequestBody
                    ClvComparisonRequest request) {
        UUID comparison = fits.compare(request.asFitRequest().toSettings(defaults.zone()), request.modelsOrAll());
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/models/clv-comparisons/{id}")
                .buildAndExpand(comparison)
                .toUri();
        return ResponseEntity.accepted().location(location).body(response(comparison));
    }

    @GetMapping("/api/v1/models/clv-comparisons/{id}")
    @Operation(operationId = "getClvComparison", summary = "Where a comparison stands, and its ranking")
    @ApiResponse(responseCode = "200", description = "The compared fits, best first.")
    @ApiResponse(responseCode = "404", description = "No comparison has this id.")
    ClvComparisonResponse get(@Parameter(description = "The comparison's id.") @PathVariable UUID id) {
        return response(id);
    }

    private ClvComparisonResponse response(UUID id) {
        List<ClvModel> ranked = predictions.comparison(id);
        List<ClvComparisonResponse.Entry> entries = new ArrayList<>();
        int rank = 0;
        for (ClvModel fit : ranked) {
            boolean succeeded = fit.status() == ClvModelStatus.SUCCEEDED && fit.validation() != null;
            entries.add(new ClvComparisonResponse.Entry(
                    succeeded ? ++rank : null,
                    fit.settings().purchaseModel(),
                    fit.id(),
                    fit.status(),
                    succeeded ? fit.validation().meanAbsoluteError() : null,
                    succeeded ? fit.validation().predictedTotal() : null,
                    succeeded ? fit.validation().actualTotal() : null,
                    fit.error()));
        }
        ClvModel first = ranked.get(0);
        return new ClvComparisonResponse(
                id,
                first.settings().calibrationEnd(),
                first.settings().holdoutEnd(),
                ranked.stream()
                        .allMatch(fit ->
                                fit.status() == ClvModelStatus.SUCCEEDED || fit.status() == ClvModelStatus.FAILED),
                entries);
    }
}
