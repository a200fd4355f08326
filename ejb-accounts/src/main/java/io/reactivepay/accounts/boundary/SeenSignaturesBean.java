package io.reactivepay.accounts.boundary;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.accounts.api.SeenSignatures;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * One insert per signed request, committed on its own before the request goes on: the primary key
 * decides which of two concurrent replays (on any servers) is first. A minute's purge by every
 * instance deletes what has expired; deleting twice does no harm.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SeenSignaturesBean implements SeenSignatures {

    private static final System.Logger LOG = System.getLogger(SeenSignaturesBean.class.getName());

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Override
    public boolean firstUse(UUID merchantId, String signatureDigest, Instant keepUntil) {
        if (merchantId == null || signatureDigest == null || !signatureDigest.matches("[0-9a-f]{64}") || keepUntil == null) {
            throw new AccountsException(AccountsException.INVALID_MERCHANT, "A merchant, a hex SHA-256 and a time are required");
        }
        return Jdbc.with(dataSource, "Recording a request signature", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO accounts.seen_signature "
                    + "(merchant_id, signature_sha256, keep_until) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                insert.setObject(1, merchantId);
                insert.setString(2, signatureDigest);
                insert.setTimestamp(3, Timestamp.from(keepUntil));
                return insert.executeUpdate() == 1;
            }
        });
    }

    @Schedule(minute = "*", hour = "*", persistent = false)
    void purge() {
        int purged = Jdbc.with(dataSource, "Purging expired request signatures", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM accounts.seen_signature WHERE keep_until < now()")) {
                return delete.executeUpdate();
            }
        });
        LOG.log(System.Logger.Level.DEBUG, "Purged {0} expired request signature(s)", purged);
    }
}
