package io.reactivepay.ledger.boundary;

import io.reactivepay.ledger.api.Hold;
import io.reactivepay.ledger.api.HoldRequest;
import io.reactivepay.ledger.api.Holds;
import io.reactivepay.ledger.control.HoldStore;
import io.reactivepay.ledger.control.IdempotencyRecords;
import io.reactivepay.platform.persistence.Jdbc;
import io.reactivepay.ledger.control.RequestHash;
import io.reactivepay.platform.money.Money;
import io.reactivepay.platform.persistence.TimeOrderedIds;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Holds' transaction boundary. A replayed key returns the hold the first request touched, as it is now. */
@Stateless
public class HoldsBean implements Holds {

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Inject
    HoldStore holds;

    @Inject
    IdempotencyRecords idempotency;

    @Override
    public Hold hold(HoldRequest request) {
        byte[] hash = RequestHash.of("HOLD").add(request.debitAccountId()).add(request.creditAccountId())
                .add(request.amount()).add(request.expiresAt()).add(request.code()).add(request.metadata()).digest();
        return Jdbc.with(dataSource, "Placing a hold", connection -> {
            UUID holdId = TimeOrderedIds.next();
            Optional<UUID> first = idempotency.claim(connection, request.clientId(), request.idempotencyKey(), "HOLD",
                    hash, holdId);
            return first.isPresent() ? holds.find(connection, first.get()).orElseThrow()
                    : holds.hold(connection, holdId, request);
        });
    }

    @Override
    public Hold capture(String clientId, String idempotencyKey, UUID holdId, Money amount) {
        byte[] hash = RequestHash.of("CAPTURE").add(holdId).add(amount).digest();
        return Jdbc.with(dataSource, "Capturing a hold", connection -> {
            UUID entryId = TimeOrderedIds.next();
            Optional<UUID> first = idempotency.claim(connection, clientId, idempotencyKey, "CAPTURE", hash, entryId);
            return first.isPresent() ? holds.find(connection, holdId).orElseThrow()
                    : holds.capture(connection, holdId, amount, entryId);
        });
    }

    @Override
    public Hold capture(String clientId, String idempotencyKey, UUID holdId, Money amount, UUID feeAccountId, Money fee,
                        Map<String, String> metadata) {
        byte[] hash = RequestHash.of("CAPTURE_SPLIT").add(holdId).add(amount).add(feeAccountId).add(fee)
                .add(metadata).digest();
        return Jdbc.with(dataSource, "Capturing a hold", connection -> {
            UUID entryId = TimeOrderedIds.next();
            Optional<UUID> first = idempotency.claim(connection, clientId, idempotencyKey, "CAPTURE", hash, entryId);
            return first.isPresent() ? holds.find(connection, holdId).orElseThrow()
                    : holds.capture(connection, holdId, amount, entryId, new HoldStore.Split(feeAccountId, fee, metadata));
        });
    }

    @Override
    public Hold voidHold(String clientId, String idempotencyKey, UUID holdId) {
        byte[] hash = RequestHash.of("VOID").add(holdId).digest();
        return Jdbc.with(dataSource, "Voiding a hold", connection -> {
            Optional<UUID> first = idempotency.claim(connection, clientId, idempotencyKey, "VOID", hash, holdId);
            return first.isPresent() ? holds.find(connection, holdId).orElseThrow() : holds.voidHold(connection, holdId);
        });
    }

    @Override
    public Optional<Hold> find(UUID holdId) {
        return Jdbc.with(dataSource, "Reading a hold", connection -> holds.find(connection, holdId));
    }

    @Override
    public int expireDue(int limit) {
        return Jdbc.with(dataSource, "Expiring holds", connection -> holds.expireDue(connection, limit));
    }
}
