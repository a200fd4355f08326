package io.reactivepay.fraud.boundary;

import io.reactivepay.accounts.api.AuditLog;
import io.reactivepay.fraud.api.FraudLists;
import io.reactivepay.fraud.api.Reviews;
import io.reactivepay.fraud.api.Rules;
import io.reactivepay.fraud.api.Screening;
import io.reactivepay.fraud.control.KeyHasher;
import io.reactivepay.fraud.control.ListStore;
import io.reactivepay.fraud.control.RuleCache;
import io.reactivepay.fraud.control.RuleStore;
import io.reactivepay.fraud.control.Screener;
import io.reactivepay.fraud.control.ScreeningStore;
import io.reactivepay.fraud.control.VelocityCounters;
import java.time.Clock;
import javax.sql.DataSource;

/** The real fraud beans wired by hand, for the payments module's tests on TestDatabase. */
public final class FraudBeans {

    public final Screening screening;
    public final Reviews reviews;
    public final FraudLists lists;
    public final Rules rules;

    public FraudBeans(DataSource dataSource, AuditLog audit) {
        Clock clock = Clock.systemUTC();
        KeyHasher hasher = new KeyHasher("test-key-for-fraud-keyed-hashes-0123456789".getBytes());
        RuleStore ruleStore = new RuleStore();
        RuleCache cache = new RuleCache(ruleStore, clock);
        ListStore listStore = new ListStore(hasher);
        VelocityCounters velocity = new VelocityCounters();
        ScreeningStore screenings = new ScreeningStore();
        ScreeningBean screeningBean = new ScreeningBean();
        screeningBean.dataSource = dataSource;
        screeningBean.screener = new Screener(cache, listStore, screenings, hasher, clock);
        screeningBean.store = screenings;
        screeningBean.velocity = velocity;
        ReviewsBean reviewsBean = new ReviewsBean();
        reviewsBean.dataSource = dataSource;
        reviewsBean.store = screenings;
        reviewsBean.velocity = velocity;
        reviewsBean.audit = audit;
        FraudListsBean listsBean = new FraudListsBean();
        listsBean.dataSource = dataSource;
        listsBean.store = listStore;
        listsBean.audit = audit;
        RulesBean rulesBean = new RulesBean();
        rulesBean.dataSource = dataSource;
        rulesBean.store = ruleStore;
        rulesBean.cache = cache;
        rulesBean.audit = audit;
        this.screening = screeningBean;
        this.reviews = reviewsBean;
        this.lists = listsBean;
        this.rules = rulesBean;
    }
}
