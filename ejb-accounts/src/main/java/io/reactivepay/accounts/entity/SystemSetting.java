package io.reactivepay.accounts.entity;

import io.reactivepay.accounts.api.Setting;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

@Entity
@Table(schema = "accounts", name = "system_setting")
@NamedQuery(name = SystemSetting.ALL, query = "SELECT s FROM SystemSetting s ORDER BY s.key")
public class SystemSetting {

    public static final String ALL = "SystemSetting.all";

    @Id
    private String key;

    @Enumerated(EnumType.STRING)
    @Column(name = "value_type", nullable = false)
    private Setting.Type type;

    @Column(nullable = false)
    private String value;

    @Column(nullable = false)
    private String description;

    protected SystemSetting() {
        // for JPA
    }

    public Setting view() {
        return new Setting(key, type, value, description);
    }
}
