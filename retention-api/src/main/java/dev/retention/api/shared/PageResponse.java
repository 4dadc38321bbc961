package dev.retention.api.shared;

import dev.retention.domain.shared.Page;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;

@Schema(description = "One page of a stably ordered list.")
public record PageResponse<T>(
        @Schema(description = "The items on this page; empty past the last page.")
        List<T> items,

        @Schema(description = "Zero-based page number.", example = "0")
        int page,

        @Schema(description = "Requested page size.", example = "50")
        int size,

        @Schema(description = "Number of items over all pages.", example = "1234")
        long totalItems,

        @Schema(description = "Number of pages.", example = "25")
        int totalPages) {

    public static <D, T> PageResponse<T> of(Page<D> page, Function<D, T> mapper) {
        return new PageResponse<>(
                page.items().stream().map(mapper).toList(),
                page.page(),
                page.size(),
                page.totalItems(),
                page.totalPages());
    }
}
