package dev.retention.api.metrics;

import dev.retention.domain.metrics.CohortTally;
import dev.retention.domain.metrics.RetentionFigures;
import org.mapstruct.Mapper;

@Mapper
interface MetricsApiMapper {

    PeriodFiguresResponse toResponse(RetentionFigures figures);

    CohortsResponse.CohortRow toRow(CohortTally.Cohort cohort);

    CohortsResponse.CohortCellRow toRow(CohortTally.CohortCell cell);
}
