package dev.retention.api.metrics;

import dev.retention.domain.metrics.CohortTally;
import dev.retention.domain.metrics.RetentionFigures;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface MetricsApiMapper {

    @Mapping(target = "undefinedBecause", source = "undefined")
    PeriodFiguresResponse toResponse(RetentionFigures figures);

    CohortsResponse.CohortRow toRow(CohortTally.Cohort cohort);

    CohortsResponse.CohortCellRow toRow(CohortTally.CohortCell cell);
}
