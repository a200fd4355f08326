/**
 * Benchmarks of the deployed system against a raw-SQL baseline measured in the same run on the same
 * PostgreSQL. The {@code harness} package is a web module added to the real EAR for the run only.
 * Results are recorded in {@code docs/benchmarks.md}; nothing here is a timed test.
 */
package io.reactivepay.bench;
