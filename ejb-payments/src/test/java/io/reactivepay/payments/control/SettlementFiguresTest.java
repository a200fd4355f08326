package io.reactivepay.payments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.reactivepay.ledger.api.Entry;
import io.reactivepay.ledger.api.EntryCode;
import io.reactivepay.platform.money.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SettlementFiguresTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    /** One posting on the pending account and the metadata of its entry. */
    record Line(long amount, Map<String, String> metadata) {
    }

    private static Entry entry(Map<String, String> metadata) {
        return new Entry(UUID.randomUUID(), EntryCode.ADJUSTMENT, List.of(), metadata, Optional.empty(), Instant.EPOCH);
    }

    private static SettlementFigures figures(List<Line> lines) {
        SettlementFigures figures = new SettlementFigures(EUR);
        lines.forEach(line -> figures.add(new Money(line.amount(), EUR), entry(line.metadata())));
        return figures;
    }

    @Test
    void capturesRefundsAndChargebacksAreToldApartByTheirMetadata() {
        SettlementFigures f = figures(List.of(
                new Line(9_710, Map.of("paymentId", "p1", "gross", "10000", "fee", "290")),
                new Line(-2_000, Map.of("paymentId", "p1", "refundId", "r1")),
                new Line(-1_000, Map.of("paymentId", "p2", "chargebackId", "c1")),
                new Line(400, Map.of("paymentId", "p2", "chargebackId", "c1")),
                new Line(-50, Map.of("reason", "correction"))));

        assertEquals(List.of(10_000L, 290L, 2_000L, 600L, -50L, 7_060L, 1L),
                List.of(f.gross(), f.fees(), f.refunds(), f.chargebacks(), f.other(), f.net(), (long) f.payments()));
    }

    @Test
    void aPostingInAnotherCurrencyIsRefused() {
        SettlementFigures f = new SettlementFigures(EUR);
        assertThrows(IllegalArgumentException.class, () -> f.add(Money.of(100, "USD"), entry(Map.of())));
    }

    @Property
    void theFiguresAlwaysExplainTheNetAndTheNetIsTheSumOfThePostings(@ForAll("windows") List<Line> lines) {
        SettlementFigures f = figures(lines);

        assertEquals(lines.stream().mapToLong(Line::amount).sum(), f.net());
        assertEquals(f.net(), f.gross() - f.fees() - f.refunds() - f.chargebacks() + f.other());
    }

    @Provide
    Arbitrary<List<Line>> windows() {
        Arbitrary<Long> amounts = Arbitraries.longs().between(1, 10_000_000);
        Arbitrary<Line> capture = Combinators.combine(amounts, Arbitraries.longs().between(0, 100_000), Arbitraries.of(true, false))
                .as((gross, fee, honest) -> new Line(gross - Math.min(fee, gross - 1) + (honest ? 0 : 7),
                        Map.of("paymentId", "p", "gross", Long.toString(gross), "fee", Long.toString(Math.min(fee, gross - 1)))));
        Arbitrary<Line> refund = amounts.map(a -> new Line(-a, Map.of("paymentId", "p", "refundId", "r")));
        Arbitrary<Line> chargeback = Combinators.combine(amounts, Arbitraries.of(-1L, 1L))
                .as((a, sign) -> new Line(sign * a, Map.of("chargebackId", "c")));
        Arbitrary<Line> other = amounts.map(a -> new Line(a % 2 == 0 ? a : -a, Map.of()));
        return Arbitraries.oneOf(capture, refund, chargeback, other).list().ofMaxSize(50);
    }
}
