/**
 * The public HTTP API under {@code /api/v1}: the merchants' payment API and the customers' wallet API.
 * <p>
 * Resources are thin: they validate and translate HTTP into calls on the ejb modules' api interfaces
 * and records, and refusals into RFC 9457 problem documents with a stable {@code code}. No entity and
 * no transaction logic lives here.
 */
package io.reactivepay.rest;
