package io.reactivepay.accounts.boundary;

import io.reactivepay.accounts.control.SignatureRecords;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.Resource;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;
import javax.sql.DataSource;

/** Each batch of seen signatures is a transaction of its own, committed before the requests go on. */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SignatureBatchesBean {

    private static final System.Logger LOG = System.getLogger(SignatureBatchesBean.class.getName());

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    public List<Boolean> recordAll(List<SignatureRecords.Seen> signatures) {
        return Jdbc.with(dataSource, "Recording request signatures", connection -> SignatureRecords.recordAll(connection, signatures));
    }

    @Schedule(minute = "*", hour = "*", persistent = false)
    void purge() {
        int purged = Jdbc.with(dataSource, "Purging expired request signatures", SignatureRecords::purge);
        LOG.log(System.Logger.Level.DEBUG, "Purged {0} expired request signature(s)", purged);
    }
}
