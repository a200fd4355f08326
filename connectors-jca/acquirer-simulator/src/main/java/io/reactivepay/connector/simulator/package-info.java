/**
 * A simulated card acquirer for the embedded default and the tests: real HTTP on its own port, JSON,
 * documented test cards ({@link io.reactivepay.connector.simulator.TestCard}) and its own books of
 * authorisations, so that capture, cancel, refund and status queries behave as at a real acquirer. It
 * keeps no card number: only the last four digits.
 */
package io.reactivepay.connector.simulator;
