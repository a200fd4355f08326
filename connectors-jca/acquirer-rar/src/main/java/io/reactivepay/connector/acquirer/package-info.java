/**
 * The card-acquirer resource adapter: authorise, capture, cancel, refund and status at an acquirer
 * speaking JSON over HTTP (on the embedded default, the acquirer simulator).
 * <p>
 * Every call ends in an {@code Outcome}; a timeout, a broken connection or a server error is
 * {@code Unknown}, never {@code Declined}, and is resolved by a status query with our request id. A
 * circuit breaker per connection factory stops calls to an acquirer that keeps failing. The card
 * number goes into the request body and nowhere else: not into logs, not into exceptions.
 */
package io.reactivepay.connector.acquirer;
