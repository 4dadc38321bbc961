package dev.retention.persistence.prediction;

import static dev.retention.persistence.shared.SqlTimes.instant;
import static dev.retention.persistence.shared.SqlTimes.utc;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.prediction.BgNbdParameters;
import dev.retention.domain.prediction.ClvModel;
import dev.retention.domain.prediction.ClvModelStatus;
import dev.retention.domain.prediction.ClvModels;
import dev.retention.domain.prediction.ClvSettings;
import dev.retention.domain.prediction.CustomerPrediction;
import dev.retention.domain.prediction.GammaGammaParameters;
import dev.retention.domain.prediction.ModelFit;
import dev.retention.domain.prediction.ModelTimeUnit;
import dev.retention.domain.prediction.PredictionOrder;
import dev.retention.domain.prediction.PurchaseSummary;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.persistence.shared.SqlArrays;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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

    private static final RowMapper<ClvModel> MODEL = ClvModelPersistenceAdapter::toModel;
    private static final RowMapper<CustomerPrediction> PREDICTION = ClvModelPersistenceAdapter::toPrediction;
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
        insert(id, settings, trigger, null, at);
        return find(id).orElseThrow();
    }

    @Override
    @Transactional
    public Optional<ClvModel> queueOnce(ClvSettings settings, String slot, Instant at) {
        UUID id = UUID.randomUUID();
        return insert(id, settings, ClvModel.SCHEDULED, slot, at) == 1 ? find(id) : Optional.empty();
    }

    private int insert(UUID id, ClvSettings settings, String trigger, String slot, Instant at) {
        return jdbc.update(
                """
                insert into clv_model (id, trigger, schedule_slot, segment, calibration_end, time_unit,
                                       horizon_months, monthly_discount_rate, zone, status, stage,
                                       progress_percent, requested_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 'queued', 0, ?)
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
            ModelFit<BgNbdParameters> purchaseFit,
            ModelFit<GammaGammaParameters> spendFit,
            ClvModel.Timings timings,
            Instant at) {
        BgNbdParameters bg = purchaseFit.parameters();
        GammaGammaParameters gg = spendFit.parameters();
        jdbc.update(
                """
                update clv_model set status = 'SUCCEEDED', stage = 'done', progress_percent = 100, finished_at = ?,
                       bgnbd_parameters = ?::float8[], bgnbd_standard_errors = ?::float8[],
                       bgnbd_log_likelihood = ?, bgnbd_customers = ?, bgnbd_evaluations = ?,
                       gg_parameters = ?::float8[], gg_standard_errors = ?::float8[], gg_log_likelihood = ?,
                       gg_customers = ?, gg_evaluations = ?, summarise_millis = ?, fit_millis = ?, score_millis = ?
                where id = ?
                """,
                utc(at),
                literal(List.of(bg.r(), bg.alpha(), bg.a(), bg.b())),
                literal(purchaseFit.logParameterStandardErrors()),
                purchaseFit.logLikelihood(),
                purchaseFit.customers(),
                purchaseFit.evaluations(),
                literal(List.of(gg.p(), gg.q(), gg.gamma())),
                literal(spendFit.logParameterStandardErrors()),
                spendFit.logLikelihood(),
                spendFit.customers(),
                spendFit.evaluations(),
                timings.summariseMillis(),
                timings.fitMillis(),
                timings.scoreMillis(),
                id);
        jdbc.update("""
                delete from customer_prediction p using clv_model m, clv_model current
                where p.model_id = m.id and current.id = ? and m.id <> current.id
                  and m.segment is not distinct from current.segment
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
                                + "order by finished_at desc, id limit 1",
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

    private static ClvModel toModel(ResultSet row, int rowNumber) throws SQLException {
        ClvSettings settings = new ClvSettings(
                row.getObject("calibration_end", LocalDate.class),
                ModelTimeUnit.valueOf(row.getString("time_unit")),
                row.getInt("horizon_months"),
                row.getBigDecimal("monthly_discount_rate"),
                row.getString("segment"),
                ZoneId.of(row.getString("zone")));
        ModelFit<BgNbdParameters> purchaseFit = null;
        ModelFit<GammaGammaParameters> spendFit = null;
        Double[] bg = doubles(row.getArray("bgnbd_parameters"));
        if (bg != null) {
            purchaseFit = new ModelFit<>(
                    new BgNbdParameters(bg[0], bg[1], bg[2], bg[3]),
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
                ClvModelStatus.valueOf(row.getString("status")),
                row.getString("stage"),
                row.getInt("progress_percent"),
                instant(row, "requested_at"),
                instant(row, "started_at"),
                instant(row, "finished_at"),
                row.getString("error"),
                purchaseFit,
                spendFit,
                timings);
    }

    private static CustomerPrediction toPrediction(ResultSet row, int rowNumber) throws SQLException {
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
    private static String literal(List<Double> values) {
        return "{"
                + String.join(
                        ",",
                        values.stream()
                                .map(v -> v == null ? "NULL" : Double.toString(v))
                                .toList()) + "}";
    }
}
