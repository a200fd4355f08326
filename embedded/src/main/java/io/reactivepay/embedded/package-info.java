/**
 * Real infrastructure on this machine, from Maven Central only: PostgreSQL from zonky's binaries (run
 * inside {@code unshare --user} as root, which PostgreSQL otherwise refuses), a single-node KRaft Kafka
 * broker in-process, and {@link io.reactivepay.embedded.TestDatabase} for module tests on real SQL.
 * Every start checks its ports first and refuses a taken one.
 */
package io.reactivepay.embedded;
