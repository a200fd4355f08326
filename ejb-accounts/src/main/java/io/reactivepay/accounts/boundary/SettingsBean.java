package io.reactivepay.accounts.boundary;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.accounts.api.AuditEvent;
import io.reactivepay.accounts.api.Setting;
import io.reactivepay.accounts.api.Settings;
import io.reactivepay.accounts.control.AuditChain;
import io.reactivepay.accounts.control.SettingRules;
import io.reactivepay.accounts.control.SettingStore;
import io.reactivepay.platform.money.Money;
import io.reactivepay.platform.persistence.Jdbc;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

@Stateless
public class SettingsBean implements Settings {

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    @Inject
    AuditChain audit;

    @Override
    public List<Setting> all() {
        return Jdbc.with(dataSource, "Reading the settings", SettingStore::all);
    }

    @Override
    public Optional<Setting> find(String key) {
        return Jdbc.with(dataSource, "Reading a setting", connection ->
                SettingStore.find(connection, key, false).map(SettingStore.Stored::setting));
    }

    @Override
    public long integer(String key, long defaultValue) {
        return typed(key, Setting.Type.INTEGER, Long::parseLong, defaultValue);
    }

    @Override
    public boolean flag(String key, boolean defaultValue) {
        return typed(key, Setting.Type.BOOLEAN, Boolean::parseBoolean, defaultValue);
    }

    @Override
    public String text(String key, String defaultValue) {
        return typed(key, Setting.Type.TEXT, Function.identity(), defaultValue);
    }

    @Override
    public Money money(String key, Money defaultValue) {
        return typed(key, Setting.Type.MONEY, SettingStore::money, defaultValue);
    }

    @Override
    public Setting update(String key, String value, String actor) {
        return Jdbc.with(dataSource, "Changing a setting", connection -> {
            SettingStore.Stored stored = SettingStore.find(connection, key, true).orElseThrow(() ->
                    new AccountsException(AccountsException.SETTING_NOT_FOUND, "No setting " + key));
            Setting changed = SettingStore.update(connection, key, SettingRules.validated(stored, value));
            audit.append(connection, new AuditEvent(actor, "setting.changed", "system_setting", key, "accounts",
                    Map.of("old", stored.setting().value(), "new", changed.value())));
            return changed;
        });
    }

    private <T> T typed(String key, Setting.Type type, Function<String, T> parse, T defaultValue) {
        return find(key).filter(setting -> setting.type() == type).map(setting -> parse.apply(setting.value()))
                .orElse(defaultValue);
    }
}
