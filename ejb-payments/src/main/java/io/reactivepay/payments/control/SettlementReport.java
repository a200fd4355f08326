package io.reactivepay.payments.control;

import io.reactivepay.platform.money.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;

/**
 * The report of a day's settlement batch: {@code settlements-<day>.csv} in the report directory, one
 * line per merchant and currency, amounts in major units. It is written from the day's settlement
 * rows, so running the batch again rewrites the same file (with any settlement the earlier run left
 * out), and written aside then moved, so a reader never sees half a file.
 */
public final class SettlementReport {

    static final String HEADER = "settlement_id,merchant_id,day,currency,gross,fees,refunds,chargebacks,other,net,"
            + "payments,payout_id";

    private SettlementReport() {
    }

    public static Path write(Path directory, LocalDate day, List<SettlementRecord> settlements) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (SettlementRecord s : settlements) {
            csv.append(s.id()).append(',').append(s.merchantId()).append(',').append(s.day()).append(',')
                    .append(s.currency().getCurrencyCode()).append(',').append(major(s, s.gross())).append(',')
                    .append(major(s, s.fees())).append(',').append(major(s, s.refunds())).append(',')
                    .append(major(s, s.chargebacks())).append(',').append(major(s, s.other())).append(',')
                    .append(major(s, s.net())).append(',').append(s.payments()).append(',')
                    .append(s.payoutId() == null ? "" : s.payoutId().toString()).append('\n');
        }
        Path file = directory.resolve("settlements-" + day + ".csv");
        try {
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, "settlements-" + day, ".part");
            Files.writeString(partial, csv, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Settlement report " + file + " not written", e);
        }
    }

    private static String major(SettlementRecord s, long minor) {
        return new Money(minor, s.currency()).toDecimalString();
    }
}
