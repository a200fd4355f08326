package io.reactivepay.accounts.api;

import io.reactivepay.platform.money.Money;
import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;

/** System settings: typed values with defaults, changed by administrators, every change audited. */
@Local
public interface Settings {

    List<Setting> all();

    Optional<Setting> find(String key);

    /** The value of an INTEGER setting, or {@code defaultValue} if there is none of that type. */
    long integer(String key, long defaultValue);

    boolean flag(String key, boolean defaultValue);

    String text(String key, String defaultValue);

    Money money(String key, Money defaultValue);

    /**
     * Changes a setting after checking the value against its type and bounds (a MONEY setting keeps
     * its currency); the audit log records the old and the new value.
     *
     * @throws AccountsException {@link AccountsException#SETTING_NOT_FOUND}, {@link AccountsException#INVALID_SETTING}
     */
    Setting update(String key, String value, String actor);
}
