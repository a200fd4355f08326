package io.reactivepay.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void carriesVersionSevenTheVariantAndTheMillisecond() {
        long millis = 1_796_342_400_123L;
        UUID id = TimeOrderedIds.at(millis);
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(millis, id.getMostSignificantBits() >>> 16, "the first 48 bits are the Unix time in milliseconds");
        assertEquals(Long.toHexString(millis), id.toString().replace("-", "").substring(0, 12).replaceFirst("^0+", ""));
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnesAsPostgreSqlComparesThem() {
        // PostgreSQL orders uuid values by their bytes, unsigned; so does comparing the hex strings
        UUID earlier = TimeOrderedIds.at(1_796_342_400_000L);
        UUID later = TimeOrderedIds.at(1_796_342_400_001L);
        assertTrue(earlier.toString().compareTo(later.toString()) < 0);
    }

    @Test
    void idsOfOneMillisecondDifferInTheirRandomBits() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.at(1_796_342_400_000L));
        }
        assertEquals(10_000, ids.size());
        assertNotEquals(TimeOrderedIds.next(), TimeOrderedIds.next());
    }
}
