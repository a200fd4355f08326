/**
 * Card acquiring: authorise, capture, cancel (void), refund and status. Card numbers pass through here
 * only on their way to the acquirer; {@link io.reactivepay.connector.api.acquiring.Card} never prints one.
 */
package io.reactivepay.connector.api.acquiring;
