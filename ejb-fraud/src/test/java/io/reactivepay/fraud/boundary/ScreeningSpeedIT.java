package io.reactivepay.fraud.boundary;

import static io.reactivepay.fraud.boundary.FraudDatabase.CLOCK;
import static io.reactivepay.fraud.boundary.FraudDatabase.LISTS;
import static io.reactivepay.fraud.boundary.FraudDatabase.SCREENING;
import static io.reactivepay.fraud.boundary.FraudDatabase.inTransaction;
import static io.reactivepay.fraud.boundary.FraudDatabase.request;
import static io.reactivepay.fraud.boundary.FraudDatabase.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.reactivepay.fraud.api.ListEntryRequest;
import io.reactivepay.fraud.api.ListType;
import io.reactivepay.fraud.api.PartyKind;
import io.reactivepay.fraud.api.ScreeningRequest;
import io.reactivepay.platform.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Not a timed test: prints how long {@code Screening.screen} (one caller, then four) and
 * {@code screenAll} (batches of 100) take inside their transaction (commit not included) with the
 * default rules, 2,000 list entries, and a month of hourly velocity history for a hot merchant and a
 * few hundred cards, e-mails, IPs and devices. Nothing is asserted on time.
 */
class ScreeningSpeedIT {

    private static final int MEASURED = 2_000;
    private static final Random RANDOM = new Random(42);
    private static final String MERCHANT = unique("m-speed");

    @BeforeAll
    static void history() throws Exception {
        FraudDatabase.start();
        for (int i = 0; i < 1_000; i++) {
            int n = i;
            inTransaction(() -> {
                LISTS.add(new ListEntryRequest(ListType.BLACK, PartyKind.EMAIL, unique("bad") + "@example.com", "speed", null, false), "bench");
                LISTS.add(new ListEntryRequest(ListType.BLACK, PartyKind.IP, "10." + (n / 256) + "." + (n % 256) + ".0/24", "speed",
                        null, false), "bench");
                return null;
            });
        }
        // a month of history, one screening every quarter of an hour
        CLOCK.set(Instant.parse("2026-10-25T10:00:00Z"));
        for (int i = 0; i < 3_000; i++) {
            inTransaction(() -> SCREENING.screen(pooled().build()));
            CLOCK.advance(Duration.ofMinutes(15));
        }
    }

    private static FraudDatabase.Request pooled() {
        FraudDatabase.Request request = request(MERCHANT);
        request.cardToken = "tok-speed-" + RANDOM.nextInt(300);
        request.email = "buyer-" + RANDOM.nextInt(300) + "@example.com";
        request.ip = "100.64.0." + RANDOM.nextInt(200);
        request.device = "dev-speed-" + RANDOM.nextInt(300);
        request.binCountry = "DE";
        request.ipCountry = RANDOM.nextInt(10) == 0 ? "FR" : "DE";
        request.newCard = RANDOM.nextInt(5) == 0;
        request.amount = Money.of(100 + RANDOM.nextInt(20_000), "EUR");
        return request;
    }

    private static long[] measure(int screenings) throws Exception {
        long[] nanos = new long[screenings];
        for (int i = 0; i < screenings; i++) {
            FraudDatabase.Request request = pooled();
            int n = i;
            inTransaction(() -> {
                long start = System.nanoTime();
                SCREENING.screen(request.build());
                nanos[n] = System.nanoTime() - start;
                return null;
            });
        }
        return nanos;
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.getLogger(ScreeningSpeedIT.class.getName()).log(System.Logger.Level.INFO, String.format(
                "SCREENING %s: %d screenings, p50 %.2f ms, p99 %.2f ms, max %.2f ms", what, sorted.length,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99) - 1] / 1e6, sorted[sorted.length - 1] / 1e6));
    }

    @Test
    void printsScreeningLatency() throws Exception {
        measure(500);
        StatementProfile.reset();
        long[] alone = measure(MEASURED);
        print("one caller", alone);
        System.getLogger(ScreeningSpeedIT.class.getName()).log(System.Logger.Level.INFO, StatementProfile.report(MEASURED));
        int callers = 4;
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            Future<?>[] runs = new Future<?>[callers];
            long[][] results = new long[callers][];
            for (int c = 0; c < callers; c++) {
                int n = c;
                runs[c] = threads.submit(() -> {
                    results[n] = measure(MEASURED / callers);
                    return null;
                });
            }
            for (Future<?> run : runs) {
                run.get();
            }
            print(callers + " concurrent callers", Arrays.stream(results).flatMapToLong(Arrays::stream).toArray());
        } finally {
            threads.shutdownNow();
        }
        assertEquals(MEASURED, alone.length);

        int batch = 100;
        long[] batches = new long[MEASURED / batch];
        for (int b = 0; b < batches.length; b++) {
            List<ScreeningRequest> requests = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                requests.add(pooled().build());
            }
            int n = b;
            inTransaction(() -> {
                long start = System.nanoTime();
                assertEquals(batch, SCREENING.screenAll(requests).size());
                batches[n] = System.nanoTime() - start;
                return null;
            });
        }
        print("batches of " + batch + " (screenAll, time per batch)", batches);
    }
}
