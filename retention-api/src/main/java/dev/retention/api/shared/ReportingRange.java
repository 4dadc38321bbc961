package dev.retention.api.shared;

import dev.retention.domain.metrics.Granularity;
import dev.retention.domain.metrics.ReportingPeriods;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.Violation;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The range query parameters every per-period endpoint shares: from, to and zone, each failure naming its field. */
public final class ReportingRange {

    private ReportingRange() {}

    /** The periods of [from, to) in the zone (default: {@code defaultZone}); refused naming each bad parameter. */
    public static ReportingPeriods periods(
            LocalDate from, LocalDate to, Granularity granularity, String zone, ZoneId defaultZone) {
        List<Violation> violations = new ArrayList<>();
        ReportingPeriods periods = periods(from, to, granularity, zone, defaultZone, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return periods;
    }

    /**
     * The periods of [from, to) in the zone (default: {@code defaultZone}); null, with a violation added for each
     * bad parameter, when they cannot be built.
     */
    public static ReportingPeriods periods(
            LocalDate from,
            LocalDate to,
            Granularity granularity,
            String zone,
            ZoneId defaultZone,
            List<Violation> violations) {
        if (from == null) {
            violations.add(new Violation("from", "is required: the first day, such as 2026-01-01"));
        }
        if (to == null) {
            violations.add(new Violation("to", "is required: the day after the range, such as 2027-01-01"));
        }
        ZoneId zoneId = defaultZone;
        if (zone != null) {
            try {
                zoneId = ZoneId.of(zone);
            } catch (DateTimeException e) {
                violations.add(new Violation("zone", "must be a time-zone id such as UTC or Europe/Berlin"));
            }
        }
        if (from == null || to == null) {
            return null;
        }
        if (!from.isBefore(to)) {
            violations.add(Violation.rule("to", "must be after from"));
            return null;
        }
        try {
            return ReportingPeriods.between(from, to, granularity, zoneId);
        } catch (IllegalArgumentException e) {
            violations.add(Violation.rule(
                    "to",
                    "the range may hold at most " + ReportingPeriods.MAX_PERIODS + " periods of the granularity"));
            return null;
        }
    }
}
