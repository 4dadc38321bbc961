package dev.retention.domain.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

    @Test
    void numbersCompareByValue() {
        assertThat(JsonValues.sameJson(Map.of("n", 5), Map.of("n", 5.0))).isTrue();
        assertThat(JsonValues.sameJson(Map.of("n", 5L), Map.of("n", new java.math.BigDecimal("5.00"))))
                .isTrue();
        assertThat(JsonValues.sameJson(Map.of("n", 5), Map.of("n", 6))).isFalse();
    }

    @Test
    void nestedStructuresCompareDeeplyAndKeyOrderDoesNotMatter() {
        Map<String, Object> left = Map.of("a", List.of(1, Map.of("b", "x")), "c", true);
        Map<String, Object> right = new java.util.LinkedHashMap<>();
        right.put("c", true);
        right.put("a", List.of(1.0, Map.of("b", "x")));

        assertThat(JsonValues.sameJson(left, right)).isTrue();
        assertThat(JsonValues.sameJson(left, Map.of("a", List.of(1), "c", true)))
                .isFalse();
        assertThat(JsonValues.sameJson(Map.of("s", "5"), Map.of("s", 5))).isFalse();
    }
}
