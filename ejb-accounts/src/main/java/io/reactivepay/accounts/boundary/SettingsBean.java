package io.reactivepay.accounts.boundary;

import io.reactivepay.accounts.api.Setting;
import io.reactivepay.accounts.api.Settings;
import io.reactivepay.accounts.entity.SystemSetting;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@Stateless
public class SettingsBean implements Settings {

    @PersistenceContext(unitName = "accounts")
    EntityManager em;

    @Override
    public List<Setting> all() {
        return em.createNamedQuery(SystemSetting.ALL, SystemSetting.class).getResultStream()
                .map(SystemSetting::view).toList();
    }

    @Override
    public Optional<Setting> find(String key) {
        return Optional.ofNullable(em.find(SystemSetting.class, key)).map(SystemSetting::view);
    }
}
