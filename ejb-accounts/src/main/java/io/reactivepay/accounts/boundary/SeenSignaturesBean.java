package io.reactivepay.accounts.boundary;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.accounts.api.SeenSignatures;
import io.reactivepay.accounts.control.SignatureRecords;
import io.reactivepay.platform.concurrent.GroupCommit;
import io.reactivepay.platform.concurrent.OnFirstUse;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every signed request records its signature before it goes on, in a committed transaction, so that a
 * replay is refused by every server. A transaction per request would cost as much as the payment
 * behind it; so the signatures of concurrent requests are group-committed (each batch one insert and
 * one commit, see {@link GroupCommit}) and each request waits for its batch. The commit does not wait
 * for the disk ({@link SignatureRecords#recordAll} says why that loses nothing), so one writer keeps
 * up with the payment benchmark's peak (which went from 888/s with two writers to 970/s with one,
 * in the same change as {@code NoContainerLogin} of the REST module).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SeenSignaturesBean implements SeenSignatures {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final int WRITERS = 1;
    private static final int MAX_BATCH = 500;

    @EJB
    SignatureBatchesBean batches;

    @Resource
    ManagedThreadFactory threads;

    private final OnFirstUse<GroupCommit<SignatureRecords.Seen, Boolean>> log = new OnFirstUse<>(() -> new GroupCommit<>(
            "signature-log", seen -> batches.recordAll(seen).stream().<GroupCommit.Outcome<Boolean>>map(GroupCommit.Outcome.Done::new)
            .toList(), seen -> batches.recordAll(List.of(seen)).get(0), threads, WRITERS, MAX_BATCH));

    @Override
    public boolean firstUse(UUID merchantId, String signatureDigest, Instant keepUntil) {
        if (merchantId == null || signatureDigest == null || !SHA256_HEX.matcher(signatureDigest).matches() || keepUntil == null) {
            throw new AccountsException(AccountsException.INVALID_MERCHANT, "A merchant, a hex SHA-256 and a time are required");
        }
        return log.get().submit(new SignatureRecords.Seen(merchantId, signatureDigest, keepUntil));
    }

    @PreDestroy
    void close() {
        log.close();
    }
}
