package dev.retention.api.metrics;

import dev.retention.domain.metrics.RetentionFigures;
import org.mapstruct.Mapper;

@Mapper
interface MetricsApiMapper {

    PeriodFiguresResponse toResponse(RetentionFigures figures);
}
