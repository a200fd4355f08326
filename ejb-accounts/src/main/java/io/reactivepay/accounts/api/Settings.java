package io.reactivepay.accounts.api;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;

/** System settings: typed values with defaults, changed by administrators. */
@Local
public interface Settings {

    List<Setting> all();

    Optional<Setting> find(String key);
}
