package dev.retention.api.rfm;

import dev.retention.domain.rfm.RfmQuery;
import dev.retention.domain.shared.Instants;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;

/** The scoring window shared by the RFM endpoints, bound from the query string. */
record RfmWindow(
        @Parameter(description = "End of the window (UTC); default now.")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        Instant asOf,

        @Parameter(
                description = "Window length in days, 1 to 3650; default 365.",
                schema =
                        @Schema(
                                type = "integer",
                                format = "int32",
                                minimum = "1",
                                maximum = "" + RfmQuery.MAX_WINDOW_DAYS))
        Integer windowDays) {

    static final int DEFAULT_WINDOW_DAYS = 365;

    RfmQuery toQuery(Clock clock) {
        return new RfmQuery(
                asOf == null ? Instants.now(clock) : Instants.stored(asOf),
                windowDays == null ? DEFAULT_WINDOW_DAYS : windowDays);
    }
}
