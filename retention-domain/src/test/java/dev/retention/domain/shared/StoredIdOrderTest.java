package dev.retention.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StoredIdOrderTest {

    @Test
    void idsSortByTheirBytesUnsignedLikeTheirTextNotLikeJavasSignedHalves() {
        UUID low = UUID.fromString("00000000-0000-4000-8000-000000000001");
        UUID belowHalf = UUID.fromString("7fffffff-ffff-4fff-bfff-ffffffffffff");
        UUID aboveHalf = UUID.fromString("80000000-0000-4000-8000-000000000000");
        UUID sameHighLowerTail = UUID.fromString("80000000-0000-4000-0000-000000000000");
        UUID high = UUID.fromString("ffffffff-0000-4000-8000-000000000000");
        List<UUID> ids = new ArrayList<>(List.of(high, aboveHalf, low, sameHighLowerTail, belowHalf));

        ids.sort(StoredIdOrder.ORDER);

        assertThat(ids).containsExactly(low, belowHalf, sameHighLowerTail, aboveHalf, high);
        assertThat(ids).isSortedAccordingTo((a, b) -> a.toString().compareTo(b.toString()));
        assertThat(aboveHalf.compareTo(low)).as("Java's own order differs").isNegative();
    }
}
