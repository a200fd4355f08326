package io.reactivepay.reporting.api;

public record ReportDefinition(String code, String title, Audience audience) {

    public enum Audience { MERCHANT, STAFF }
}
