/**
 * Reporting: report definitions, read models fed from Kafka, chart data, alerts and notifications,
 * CSV and PDF export.
 * <p>
 * Invariants: read models are rebuilt from events only and consume each event once (by event id);
 * report queries are paged and indexed; nothing here moves money.
 */
package io.reactivepay.reporting;
