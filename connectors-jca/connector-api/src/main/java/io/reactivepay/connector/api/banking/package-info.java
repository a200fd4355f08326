/**
 * Bank transfers: payouts to creditors, their status, and the statements of our own account that
 * reconciliation matches payouts and incoming transfers against.
 */
package io.reactivepay.connector.api.banking;
