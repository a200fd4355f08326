/**
 * What administrators see of connectors: every connection factory describes itself as a
 * {@link io.reactivepay.connector.api.admin.ConnectorInfo}, which never holds a password or key.
 */
package io.reactivepay.connector.api.admin;
