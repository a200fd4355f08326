/**
 * The embedded default: one command that starts PostgreSQL, a Kafka broker and Payara Server with the
 * EAR on one machine, keeps all data under one directory, and stops everything on Ctrl-C.
 * <p>
 * The Payara domain is derived state (recreated when its settings change); the database and the Kafka
 * log are the only state that matters. {@link io.reactivepay.launcher.EmbeddedSystem} is also what the
 * integration tests and benchmarks start, so they exercise exactly what a user runs.
 */
package io.reactivepay.launcher;
