package dev.retention.domain.prediction;

import dev.retention.domain.customer.Customer;
import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.customer.Customers;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.domain.shared.ResourceNotFoundException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Answers from the fitted models: the fits themselves, one customer's prediction, and rankings. */
public class ReadPredictions {

    private final ClvModels models;
    private final Customers customers;

    public ReadPredictions(ClvModels models, Customers customers) {
        this.models = models;
        this.customers = customers;
    }

    /** A prediction and the model that made it. */
    public record Predicted(ClvModel model, CustomerPrediction prediction) {}

    /** A model and its customers in the asked order. */
    public record Ranking(ClvModel model, List<CustomerPrediction> predictions) {}

    public ClvModel model(UUID id) {
        return models.find(id).orElseThrow(() -> new ResourceNotFoundException("Model", id));
    }

    /**
     * The fits of a comparison, best first: those that succeeded by their mean absolute error on the holdout, then
     * those still queued or running, then the failed ones.
     */
    public List<ClvModel> comparison(UUID id) {
        List<ClvModel> fits = models.comparison(id);
        if (fits.isEmpty()) {
            throw new ResourceNotFoundException("Model comparison", id);
        }
        return bestFirst(fits);
    }

    /** Succeeded fits by their mean absolute error on the holdout, then queued or running ones, then failed ones. */
    static List<ClvModel> bestFirst(List<ClvModel> fits) {
        return fits.stream()
                .sorted(Comparator.comparingInt((ClvModel fit) -> switch (fit.status()) {
                            case SUCCEEDED -> 0;
                            case QUEUED, RUNNING -> 1;
                            case FAILED -> 2;
                        })
                        .thenComparingDouble(fit -> fit.validation() == null
                                ? Double.POSITIVE_INFINITY
                                : fit.validation().meanAbsoluteError()))
                .toList();
    }

    /** All fits, the latest request first. */
    public Page<ClvModel> models(PageRequest page) {
        return models.list(page);
    }

    /**
     * The customer's prediction from the current model of its segment, or from the model of all customers when the
     * segment's model has none for it (no model for the segment, or no purchase up to its calibration end).
     */
    public Predicted forCustomer(CustomerId customerId) {
        Customer customer = customers.existing(customerId);
        Optional<ClvModel> segmentModel =
                customer.segment() == null ? Optional.empty() : models.current(customer.segment());
        Optional<ClvModel> overallModel = models.current(null);
        if (segmentModel.isEmpty() && overallModel.isEmpty()) {
            throw new ResourceNotFoundException(
                    "Prediction",
                    customerId,
                    "No lifetime-value model has been fitted yet; fit one with POST /api/v1/models/clv.");
        }
        for (Optional<ClvModel> candidate : List.of(segmentModel, overallModel)) {
            if (candidate.isPresent()) {
                Optional<CustomerPrediction> prediction =
                        models.prediction(candidate.get().id(), customerId);
                if (prediction.isPresent()) {
                    return new Predicted(candidate.get(), prediction.get());
                }
            }
        }
        throw new ResourceNotFoundException(
                "Prediction",
                customerId,
                "Customer " + customerId + " made no purchase "
                        + "up to the calibration end of the current model, so the model has no prediction for it.");
    }

    /**
     * The customers of the current model of the segment (null: of all customers), by lifetime value highest first
     * or by P(alive) lowest first; not found when no such model has been fitted.
     */
    public Ranking ranked(String segment, PredictionOrder order, int limit) {
        if (limit < 1 || limit > PageRequest.MAX_SIZE) {
            throw InvalidInputException.of("limit", "must be between 1 and " + PageRequest.MAX_SIZE);
        }
        ClvModel model = models.current(segment)
                .orElseThrow(() -> new ResourceNotFoundException(
                        "Model",
                        segment,
                        segment == null
                                ? "No lifetime-value model of all customers has been fitted yet."
                                : "No lifetime-value model has been fitted for segment " + segment + "."));
        return new Ranking(model, models.ranked(model.id(), order, limit));
    }
}
