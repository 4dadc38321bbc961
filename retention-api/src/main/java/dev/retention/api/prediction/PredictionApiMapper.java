package dev.retention.api.prediction;

import dev.retention.domain.prediction.ClvModel;
import dev.retention.domain.prediction.CustomerPrediction;
import dev.retention.domain.prediction.GammaGammaParameters;
import dev.retention.domain.prediction.HoldoutValidation;
import dev.retention.domain.prediction.ModelFit;
import dev.retention.domain.prediction.PurchaseModelKind;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface PredictionApiMapper {

    @Mapping(target = "calibrationEnd", source = "settings.calibrationEnd")
    @Mapping(target = "timeUnit", source = "settings.timeUnit")
    @Mapping(target = "horizonMonths", source = "settings.horizonMonths")
    @Mapping(target = "monthlyDiscountRate", source = "settings.monthlyDiscountRate")
    @Mapping(target = "segment", source = "settings.segment")
    @Mapping(target = "zone", expression = "java(model.settings().zone().getId())")
    @Mapping(target = "purchaseModelKind", source = "settings.purchaseModel")
    @Mapping(target = "holdoutEnd", source = "settings.holdoutEnd")
    @Mapping(target = "purchaseModel", expression = "java(purchaseModel(model))")
    @Mapping(target = "spendModel", source = "spendFit")
    ClvModelResponse toResponse(ClvModel model);

    ClvModelResponse.Timings toResponse(ClvModel.Timings timings);

    ClvModelResponse.Validation toResponse(HoldoutValidation validation);

    /** Through the model's own accessors, so that the web does not lean on the purchase models' interface. */
    default ClvModelResponse.PurchaseModel purchaseModel(ClvModel model) {
        double[] values = model.purchaseParameters();
        if (values == null) {
            return null;
        }
        PurchaseModelKind kind = model.settings().purchaseModel();
        boolean pareto = kind == PurchaseModelKind.PARETO_NBD;
        return new ClvModelResponse.PurchaseModel(
                kind,
                values[0],
                values[1],
                pareto ? null : values[2],
                pareto ? null : values[3],
                pareto ? values[2] : null,
                pareto ? values[3] : null,
                model.purchaseFit().logLikelihood(),
                model.purchaseFit().customers(),
                model.purchaseFit().evaluations(),
                model.purchaseFit().logParameterStandardErrors());
    }

    default ClvModelResponse.SpendModel spendModel(ModelFit<GammaGammaParameters> fit) {
        if (fit == null) {
            return null;
        }
        GammaGammaParameters parameters = fit.parameters();
        return new ClvModelResponse.SpendModel(
                parameters.p(),
                parameters.q(),
                parameters.gamma(),
                fit.logLikelihood(),
                fit.customers(),
                fit.evaluations(),
                fit.logParameterStandardErrors());
    }

    @Mapping(target = "modelId", source = "model.id")
    @Mapping(target = "modelFittedAt", source = "model.finishedAt")
    @Mapping(target = "calibrationEnd", source = "model.settings.calibrationEnd")
    @Mapping(target = "segment", source = "model.settings.segment")
    @Mapping(target = "timeUnit", source = "model.settings.timeUnit")
    @Mapping(target = "horizonMonths", source = "model.settings.horizonMonths")
    @Mapping(target = "frequency", source = "prediction.summary.frequency")
    @Mapping(target = "recency", source = "prediction.summary.recency")
    @Mapping(target = "age", source = "prediction.summary.age")
    @Mapping(target = "customerId", source = "prediction.customerId")
    @Mapping(target = "probabilityAlive", source = "prediction.probabilityAlive")
    @Mapping(target = "expectedPurchases30Days", source = "prediction.expectedPurchases30Days")
    @Mapping(target = "expectedPurchases90Days", source = "prediction.expectedPurchases90Days")
    @Mapping(target = "expectedPurchases365Days", source = "prediction.expectedPurchases365Days")
    @Mapping(target = "expectedAverageSpend", source = "prediction.expectedAverageSpend")
    @Mapping(target = "lifetimeValue", source = "prediction.lifetimeValue")
    PredictionResponse toResponse(ClvModel model, CustomerPrediction prediction, String currency);
}
