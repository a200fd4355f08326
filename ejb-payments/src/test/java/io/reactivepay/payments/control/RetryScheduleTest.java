package io.reactivepay.payments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final RetrySchedule SCHEDULE = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1), 0.2,
            Duration.ofHours(24));
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant GIVE_UP = NOW.plus(Duration.ofHours(20));

    @Test
    void delaysDoubleFromThirtySecondsUpToAnHour() {
        assertEquals(Duration.ofSeconds(30), SCHEDULE.delayAfter(1));
        assertEquals(Duration.ofSeconds(60), SCHEDULE.delayAfter(2));
        assertEquals(Duration.ofSeconds(1920), SCHEDULE.delayAfter(7));
        assertEquals(Duration.ofHours(1), SCHEDULE.delayAfter(8));
        assertEquals(Duration.ofHours(1), SCHEDULE.delayAfter(500));
    }

    @Test
    void jitterOnlyShortensTheDelay() {
        assertEquals(Optional.of(NOW.plusSeconds(30)), SCHEDULE.next(1, NOW, GIVE_UP, fixed(0.0)));
        assertEquals(Optional.of(NOW.plusSeconds(27)), SCHEDULE.next(1, NOW, GIVE_UP, fixed(0.5)));
        Instant shortest = SCHEDULE.next(9, NOW, GIVE_UP, fixed(0.999_999)).orElseThrow();
        assertTrue(!shortest.isBefore(NOW.plus(Duration.ofMinutes(48))), shortest.toString());
    }

    @Test
    void theLastAttemptIsAtTheGiveUpTimeAndNoneAfter() {
        Instant soon = NOW.plusSeconds(10);

        assertEquals(Optional.of(soon), SCHEDULE.next(3, NOW, soon, fixed(0.0)));
        assertEquals(Optional.empty(), SCHEDULE.next(4, soon, soon, fixed(0.0)));
        assertEquals(Optional.empty(), SCHEDULE.next(4, soon.plusSeconds(1), soon, fixed(0.0)));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ZERO, Duration.ofHours(1), 0.2,
                Duration.ofHours(24)));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ofHours(2), Duration.ofHours(1), 0.2,
                Duration.ofHours(24)));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1), 1.0,
                Duration.ofHours(24)));
    }

    /** Jitter drawn from a generator that always gives the same number. */
    private static RandomGenerator fixed(double value) {
        return new Random() {
            @Override
            public double nextDouble() {
                return value;
            }
        };
    }
}
