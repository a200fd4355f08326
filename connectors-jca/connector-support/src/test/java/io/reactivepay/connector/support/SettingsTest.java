package io.reactivepay.connector.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void aConfiguredValueWinsOverTheSystemPropertyWhichWinsOverTheFallback() {
        String property = "reactivepay.test.setting-" + System.nanoTime();
        assertEquals("fallback", OutboundManagedConnectionFactory.setting("", property, "fallback"));
        System.setProperty(property, "from-property");
        try {
            assertEquals("from-property", OutboundManagedConnectionFactory.setting(" ", property, "fallback"));
            assertEquals("configured", OutboundManagedConnectionFactory.setting("configured", property, "fallback"));
        } finally {
            System.clearProperty(property);
        }
    }

    @Test
    void fallsBackToTheEnvironmentVariableNamedAsMicroProfileConfigNamesIt() {
        // PATH is set in every test environment: "path" maps to it
        assertEquals(System.getenv("PATH"), OutboundManagedConnectionFactory.setting("", "path", "fallback"));
    }
}
