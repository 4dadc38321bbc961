package dev.retention.persistence.prediction;

import static dev.retention.persistence.shared.SqlTimes.utc;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.prediction.ClvModel;
import dev.retention.domain.prediction.ClvModels;
import dev.retention.domain.prediction.ClvSettings;
import dev.retention.domain.prediction.CustomerPrediction;
import dev.retention.domain.prediction.GammaGammaParameters;
import dev.retention.domain.prediction.HoldoutValidation;
import dev.retention.domain.prediction.ModelFit;
import dev.retention.domain.prediction.PredictionOrder;
import dev.retention.domain.prediction.PurchaseModel;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.persistence.shared.SqlArrays;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class ClvModelPersistenceAdapter implements ClvModels {

    private static final RowMapper<ClvModel> MODEL = ClvModelRows::model;
    private static final RowMapper<CustomerPrediction> PREDICTION = ClvModelRows::prediction;
    private static final String PREDICTION_COLUMNS = """
            customer_id, frequency, recency, age, average_repeat_spend, probability_alive,
            expected_purchases_30_days, expected_purchases_90_days, expected_purchases_365_days,
            expected_average_spend, lifetime_value""";

    private final JdbcTemplate jdbc;

    ClvModelPersistenceAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public ClvModel queue(ClvSettings settings, String trigger, Instant at) {
        UUID id = UUID.randomUUID();
        insert(id, settings, trigger, null, null, at);
        return find(id).orElseThrow();
    }

    @Override
    @Transactional
    public ClvModel queueForComparison(ClvSettings settings, UUID comparisonId, Instant at) {
        UUID id = UUID.randomUUID();
        insert(id, settings, ClvModel.COMPARISON, null, comparisonId, at);
        return find(id).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ClvModel> comparison(UUID comparisonId) {
        return jdbc.query(
                "select * from clv_model where comparison_id = ? order by requested_at, id", MODEL, comparisonId);
    }

    @Override
    @Transactional
    public Optional<ClvModel> queueOnce(ClvSettings settings, String slot, Instant at) {
        UUID id = UUID.randomUUID();
        return insert(id, settings, ClvModel.SCHEDULED, slot, null, at) == 1 ? find(id) : Optional.empty();
    }

    private int insert(UUID id, ClvSettings settings, String trigger, String slot, UUID comparisonId, Instant at) {
        return jdbc.update(
                """
                insert into clv_model (id, trigger, schedule_slot, segment, calibration_end, time_unit,
                                       horizon_months, monthly_discount_rate, zone, purchase_model, holdout_end,
                                       comparison_id, status, stage, progress_percent, requested_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 'queued', 0, ?)
                on conflict (schedule_slot) do nothing
                """,
                id,
                trigger,
                slot,
                settings.segment(),
                settings.calibrationEnd(),
                settings.timeUnit().name(),
                settings.horizonMonths(),
                settings.monthlyDiscountRate(),
                settings.zone().getId(),
                settings.purchaseModel().name(),
                settings.holdoutEnd(),
                comparisonId,
                utc(at));
    }

    @Override
    @Transactional
    public boolean start(UUID id, String owner, Instant at, Instant leaseUntil) {
        return jdbc.update(
                        "update clv_model set status = 'RUNNING', stage = 'starting', started_at = ?, owner = ?, "
                                + "lease_until = ? where id = ? and status = 'QUEUED'",
                        utc(at),
                        owner,
                        utc(leaseUntil),
                        id)
                == 1;
    }

    @Override
    @Transactional
    public void renewLeases(String owner, Instant until) {
        jdbc.update("update clv_model set lease_until = ? where owner = ? and status = 'RUNNING'", utc(until), owner);
    }

    @Override
    @Transactional
    public List<UUID> reclaim(Instant now, Instant queuedBefore, Instant claimUntil) {
        return jdbc.queryForList("""
                with abandoned as (
                    select id from clv_model
                    where (status = 'RUNNING' and lease_until < ?)
                       or (status = 'QUEUED' and requested_at < ? and (lease_until is null or lease_until < ?))
                    order by requested_at
                    for update skip locked)
                update clv_model m
                set status = 'QUEUED', stage = 'queued again: the instance that held it stopped', owner = null,
                    lease_until = ?
                from abandoned
                where m.id = abandoned.id
                returning m.id
                """, UUID.class, utc(now), utc(queuedBefore), utc(now), utc(claimUntil));
    }

    @Override
    @Transactional
    public void handBack(String owner) {
        jdbc.update(
                "update clv_model set status = 'QUEUED', stage = 'queued again: its instance stopped', owner = null, "
                        + "lease_until = null where owner = ? and status = 'RUNNING'",
                owner);
    }

    @Override
    @Transactional
    public void progress(UUID id, String stage, int percent) {
        jdbc.update("update clv_model set stage = ?, progress_percent = ? where id = ?", stage, percent, id);
    }

    @Override
    @Transactional
    public void summarised(UUID id, long millis) {
        jdbc.update("update clv_model set summarise_millis = ? where id = ?", millis, id);
    }

    @Override
    @Transactional
    public void savePredictions(UUID id, List<CustomerPrediction> predictions) {
        jdbc.execute((java.sql.Connection connection) -> {
            try (var statement = connection.prepareStatement("insert into customer_prediction (model_id, "
                    + PREDICTION_COLUMNS + ") select ?, * from unnest(?::uuid[], ?::int[], ?::float8[], "
                    + "?::float8[], ?::numeric[], ?::float8[], ?::float8[], ?::float8[], ?::float8[], "
                    + "?::numeric[], ?::numeric[])")) {
                statement.setObject(1, id);
                statement.setArray(2, SqlArrays.textArray(connection, predictions, CustomerPrediction::customerId));
                statement.setArray(
                        3,
                        SqlArrays.textArray(
                                connection, predictions, p -> p.summary().frequency()));
                statement.setArray(
                        4,
                        SqlArrays.textArray(
                                connection, predictions, p -> p.summary().recency()));
                statement.setArray(
                        5,
                        SqlArrays.textArray(
                                connection, predictions, p -> p.summary().age()));
                statement.setArray(
                        6,
                        SqlArrays.textArray(
                                connection,
                                predictions,
                                p -> p.summary().averageRepeatSpend().toPlainString()));
                statement.setArray(
                        7, SqlArrays.textArray(connection, predictions, CustomerPrediction::probabilityAlive));
                statement.setArray(
                        8, SqlArrays.textArray(connection, predictions, CustomerPrediction::expectedPurchases30Days));
                statement.setArray(
                        9, SqlArrays.textArray(connection, predictions, CustomerPrediction::expectedPurchases90Days));
                statement.setArray(
                        10, SqlArrays.textArray(connection, predictions, CustomerPrediction::expectedPurchases365Days));
                statement.setArray(
                        11,
                        SqlArrays.textArray(
                                connection,
                                predictions,
                                p -> p.expectedAverageSpend().toPlainString()));
                statement.setArray(
                        12,
                        SqlArrays.textArray(
                                connection, predictions, p -> p.lifetimeValue().toPlainString()));
                return statement.executeUpdate();
            }
        });
    }

    @Override
    @Transactional
    public void succeed(
            UUID id,
            ModelFit<? extends PurchaseModel> purchaseFit,
            ModelFit<GammaGammaParameters> spendFit,
            HoldoutValidation validation,
            ClvModel.Timings timings,
            Instant at) {
        GammaGammaParameters gg = spendFit.parameters();
        jdbc.update(
                """
                update clv_model set status = 'SUCCEEDED', stage = 'done', progress_percent = 100, finished_at = ?,
                       bgnbd_parameters = ?::float8[], bgnbd_standard_errors = ?::float8[],
                       bgnbd_log_likelihood = ?, bgnbd_customers = ?, bgnbd_evaluations = ?,
                       gg_parameters = ?::float8[], gg_standard_errors = ?::float8[], gg_log_likelihood = ?,
                       gg_customers = ?, gg_evaluations = ?, summarise_millis = ?, fit_millis = ?, score_millis = ?,
                       holdout_validation = ?::jsonb
                where id = ?
                """,
                utc(at),
                ClvModelRows.float8Array(
                        Arrays.stream(purchaseFit.parameters().values()).boxed().toList()),
                ClvModelRows.float8Array(purchaseFit.logParameterStandardErrors()),
                purchaseFit.logLikelihood(),
                purchaseFit.customers(),
                purchaseFit.evaluations(),
                ClvModelRows.float8Array(List.of(gg.p(), gg.q(), gg.gamma())),
                ClvModelRows.float8Array(spendFit.logParameterStandardErrors()),
                spendFit.logLikelihood(),
                spendFit.customers(),
                spendFit.evaluations(),
                timings.summariseMillis(),
                timings.fitMillis(),
                timings.scoreMillis(),
                validation == null ? null : ClvModelRows.validationJson(validation),
                id);
        jdbc.update("""
                delete from customer_prediction p using clv_model m, clv_model current
                where p.model_id = m.id and current.id = ? and m.id <> current.id
                  and m.segment is not distinct from current.segment and current.comparison_id is null
                """, id);
    }

    @Override
    @Transactional
    public void fail(UUID id, String error, Instant at) {
        jdbc.update(
                "update clv_model set status = 'FAILED', stage = 'failed', finished_at = ?, error = ? "
                        + "where id = ?",
                utc(at),
                error,
                id);
        jdbc.update("delete from customer_prediction where model_id = ?", id);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ClvModel> find(UUID id) {
        return jdbc.query("select * from clv_model where id = ?", MODEL, id).stream()
                .findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<ClvModel> list(PageRequest page) {
        Long total = jdbc.queryForObject("select count(*) from clv_model", Long.class);
        List<ClvModel> items = jdbc.query(
                "select * from clv_model order by requested_at desc, id limit ? offset ?",
                MODEL,
                page.size(),
                page.offset());
        return new Page<>(items, page.page(), page.size(), total == null ? 0 : total);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ClvModel> current(String segment) {
        return jdbc
                .query(
                        "select * from clv_model where status = 'SUCCEEDED' and segment is not distinct from ? "
                                + "and comparison_id is null order by finished_at desc, id limit 1",
                        MODEL,
                        segment)
                .stream()
                .findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CustomerPrediction> prediction(UUID modelId, CustomerId customerId) {
        return jdbc
                .query(
                        "select " + PREDICTION_COLUMNS + " from customer_prediction "
                                + "where model_id = ? and customer_id = ?",
                        PREDICTION,
                        modelId,
                        customerId.value())
                .stream()
                .findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CustomerPrediction> ranked(UUID modelId, PredictionOrder order, int limit) {
        String orderBy =
                order == PredictionOrder.CLV ? "lifetime_value desc, customer_id" : "probability_alive, customer_id";
        return jdbc.query(
                "select " + PREDICTION_COLUMNS + " from customer_prediction where model_id = ? " + "order by " + orderBy
                        + " limit ?",
                PREDICTION,
                modelId,
                limit);
    }
}
