/**
 * The connector SPI: how ejb modules reach third parties (acquirers, bank rails, text-message gateways).
 * <p>
 * Callers look up a connection factory, open a connection with try-with-resources and get an
 * {@link io.reactivepay.connector.api.Outcome} back. No JCA type appears here, so a module that calls
 * a connector never depends on how the adapter is built; a new third party is one new resource adapter
 * implementing these interfaces.
 */
package io.reactivepay.connector.api;
