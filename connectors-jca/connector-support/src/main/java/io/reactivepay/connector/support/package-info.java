/**
 * What every outbound resource adapter shares: pooled managed connections and their handles, the
 * non-managed mode used by tests, and the circuit breaker. Packed into each RAR; callers never see it,
 * they see only {@code connector-api}.
 */
package io.reactivepay.connector.support;
