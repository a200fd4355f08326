package io.reactivepay.ledger.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Where the outbox relay reads next: on from what it published, a step back every 5 s, the first row every minute. */
class OutboxCursorTest {

    private static final long T0 = 1_000_000_000_000L;
    private static final long MS = 1_000_000L;

    @Test
    void readsFromTheFirstRowFirstThenOnFromWhatItPublished() {
        OutboxCursor cursor = new OutboxCursor(T0);
        assertEquals(0, cursor.readAfter(T0));
        cursor.published(500, true);
        assertEquals(500, cursor.readAfter(T0 + MS), "a read cut off by its limit goes on where it stopped");
        cursor.published(730, false);
        assertEquals(730, cursor.readAfter(T0 + 100 * MS));
        cursor.published(730, false);
        assertEquals(730, cursor.readAfter(T0 + 200 * MS), "nothing new: the same place");
    }

    @Test
    void stepsBackEveryFiveSecondsToCatchEventsThatCommittedLate() {
        OutboxCursor cursor = new OutboxCursor(T0);
        cursor.readAfter(T0);
        cursor.published(25_000, false);
        assertEquals(25_000, cursor.readAfter(T0 + 4_999 * MS));
        assertEquals(25_000 - OutboxCursor.LOOKBACK_IDS, cursor.readAfter(T0 + 5_000 * MS));
        cursor.published(14_990, true); // a full batch of latecomers: the next read goes on from them
        assertEquals(14_990, cursor.readAfter(T0 + 5_001 * MS));
        cursor.published(15_100, false); // the rest: nothing new above 15,100, so on from the highest published
        assertEquals(25_000, cursor.readAfter(T0 + 5_100 * MS));
        assertEquals(25_000, cursor.readAfter(T0 + 9_999 * MS));
        assertEquals(15_000, cursor.readAfter(T0 + 10_000 * MS), "the next step back, five seconds later");
    }

    @Test
    void stepsBackNoFurtherThanTheFirstRowAndReadsFromItEveryMinute() {
        OutboxCursor cursor = new OutboxCursor(T0);
        cursor.readAfter(T0);
        cursor.published(3_000, false);
        assertEquals(0, cursor.readAfter(T0 + 5_000 * MS), "fewer ids than the step back: from the first row");
        cursor.published(0, false);
        assertEquals(3_000, cursor.readAfter(T0 + 5_100 * MS), "an empty read leaves the cursor where it was");
        cursor.published(90_000, false);
        assertEquals(0, cursor.readAfter(T0 + 60_000 * MS), "a full sweep a minute after the first read");
        cursor.published(90_000, false);
        assertEquals(90_000, cursor.readAfter(T0 + 64_999 * MS), "and the five-second step back counts from it");
        assertEquals(80_000, cursor.readAfter(T0 + 65_000 * MS));
    }
}
