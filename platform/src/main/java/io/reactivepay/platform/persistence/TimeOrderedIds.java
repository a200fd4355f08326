package io.reactivepay.platform.persistence;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Version 7 UUIDs (RFC 9562): the first 48 bits are the Unix time in milliseconds, the remaining 74
 * bits (less version and variant) random. Rows keyed by them are inserted at the right-hand edge of
 * their B-tree indexes, as with a sequence: a random (version 4) key lands on a random leaf page of an
 * index that outgrows memory, which costs a page read and, after each checkpoint, a full-page image in
 * the WAL per insert. For the journal's entries, events and payments, written at hundreds a second.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    static UUID at(long unixMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long high = (unixMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (random[0] & 0x0FL) << 8 | random[1] & 0xFFL;
        long low = 0;
        for (int i = 2; i < 10; i++) {
            low = low << 8 | random[i] & 0xFFL;
        }
        low = low & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
