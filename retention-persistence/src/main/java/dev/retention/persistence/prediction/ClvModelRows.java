package dev.retention.persistence.prediction;

import static dev.retention.persistence.shared.SqlTimes.instant;

import dev.retention.domain.prediction.ClvModel;
import dev.retention.domain.prediction.ClvModelStatus;
import dev.retention.domain.prediction.ClvSettings;
import dev.retention.domain.prediction.CustomerPrediction;
import dev.retention.domain.prediction.GammaGammaParameters;
import dev.retention.domain.prediction.HoldoutValidation;
import dev.retention.domain.prediction.ModelFit;
import dev.retention.domain.prediction.ModelTimeUnit;
import dev.retention.domain.prediction.PurchaseModel;
import dev.retention.domain.prediction.PurchaseModelKind;
import dev.retention.domain.prediction.PurchaseSummary;
import dev.retention.persistence.shared.JsonColumns;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** How a model fit and a prediction are laid out in their rows: read back into the domain, and arrays written. */
final class ClvModelRows {

    private ClvModelRows() {}

    static ClvModel model(ResultSet row, int rowNumber) throws SQLException {
        ClvSettings settings = new ClvSettings(
                row.getObject("calibration_end", LocalDate.class),
                ModelTimeUnit.valueOf(row.getString("time_unit")),
                row.getInt("horizon_months"),
                row.getBigDecimal("monthly_discount_rate"),
                row.getString("segment"),
                ZoneId.of(row.getString("zone")),
                PurchaseModelKind.valueOf(row.getString("purchase_model")),
                row.getObject("holdout_end", LocalDate.class));
        ModelFit<PurchaseModel> purchaseFit = null;
        ModelFit<GammaGammaParameters> spendFit = null;
        Double[] bg = doubles(row.getArray("bgnbd_parameters"));
        if (bg != null) {
            purchaseFit = new ModelFit<>(
                    settings.purchaseModel()
                            .of(Arrays.stream(bg)
                                    .mapToDouble(Double::doubleValue)
                                    .toArray()),
                    row.getDouble("bgnbd_log_likelihood"),
                    row.getInt("bgnbd_customers"),
                    row.getInt("bgnbd_evaluations"),
                    Arrays.asList(doubles(row.getArray("bgnbd_standard_errors"))));
        }
        Double[] gg = doubles(row.getArray("gg_parameters"));
        if (gg != null) {
            spendFit = new ModelFit<>(
                    new GammaGammaParameters(gg[0], gg[1], gg[2]),
                    row.getDouble("gg_log_likelihood"),
                    row.getInt("gg_customers"),
                    row.getInt("gg_evaluations"),
                    Arrays.asList(doubles(row.getArray("gg_standard_errors"))));
        }
        ClvModel.Timings timings = row.getObject("summarise_millis") == null
                ? null
                : new ClvModel.Timings(
                        row.getObject("summarise_millis", Long.class),
                        row.getObject("fit_millis", Long.class),
                        row.getObject("score_millis", Long.class));
        return new ClvModel(
                row.getObject("id", UUID.class),
                settings,
                row.getString("trigger"),
                row.getObject("comparison_id", UUID.class),
                ClvModelStatus.valueOf(row.getString("status")),
                row.getString("stage"),
                row.getInt("progress_percent"),
                instant(row, "requested_at"),
                instant(row, "started_at"),
                instant(row, "finished_at"),
                row.getString("error"),
                purchaseFit,
                spendFit,
                validation(row.getString("holdout_validation")),
                timings);
    }

    static CustomerPrediction prediction(ResultSet row, int rowNumber) throws SQLException {
        return new CustomerPrediction(
                row.getObject("customer_id", UUID.class),
                new PurchaseSummary(
                        row.getInt("frequency"),
                        row.getDouble("recency"),
                        row.getDouble("age"),
                        row.getBigDecimal("average_repeat_spend")),
                row.getDouble("probability_alive"),
                row.getDouble("expected_purchases_30_days"),
                row.getDouble("expected_purchases_90_days"),
                row.getDouble("expected_purchases_365_days"),
                row.getBigDecimal("expected_average_spend"),
                row.getBigDecimal("lifetime_value"));
    }

    private static Double[] doubles(Array array) throws SQLException {
        return array == null ? null : (Double[]) array.getArray();
    }

    /** A float8[] literal; null elements stay null. */
    static String float8Array(List<Double> values) {
        return "{"
                + String.join(
                        ",",
                        values.stream()
                                .map(v -> v == null ? "NULL" : Double.toString(v))
                                .toList()) + "}";
    }

    static String validationJson(HoldoutValidation validation) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("holdoutEnd", validation.holdoutEnd().toString());
        json.put("holdoutLength", validation.holdoutLength());
        json.put(
                "byFrequency",
                validation.byFrequency().stream()
                        .map(row -> Map.of(
                                "frequency", row.frequency(),
                                "customers", row.customers(),
                                "meanPredicted", row.meanPredicted(),
                                "meanActual", row.meanActual()))
                        .toList());
        json.put("predictedTotal", validation.predictedTotal());
        json.put("actualTotal", validation.actualTotal());
        json.put("meanAbsoluteError", validation.meanAbsoluteError());
        return JsonColumns.write(json);
    }

    @SuppressWarnings("unchecked")
    private static HoldoutValidation validation(String json) {
        if (json == null) {
            return null;
        }
        Map<String, Object> value = JsonColumns.readObject(json);
        List<HoldoutValidation.FrequencyRow> rows = ((List<Map<String, Object>>) value.get("byFrequency"))
                .stream()
                        .map(row -> new HoldoutValidation.FrequencyRow(
                                number(row, "frequency").intValue(),
                                number(row, "customers").longValue(),
                                number(row, "meanPredicted").doubleValue(),
                                number(row, "meanActual").doubleValue()))
                        .toList();
        return new HoldoutValidation(
                LocalDate.parse((String) value.get("holdoutEnd")),
                number(value, "holdoutLength").doubleValue(),
                rows,
                number(value, "predictedTotal").doubleValue(),
                number(value, "actualTotal").longValue(),
                number(value, "meanAbsoluteError").doubleValue());
    }

    private static Number number(Map<String, Object> value, String key) {
        return (Number) value.get(key);
    }
}
