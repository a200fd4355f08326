/**
 * The text-message resource adapter: sends one-time codes and notices through a gateway.
 * <p>
 * In {@code file} mode (the embedded default) messages are appended to a development outbox file
 * instead of reaching a phone; the log says so and never shows the message body, which may hold a
 * one-time code. In {@code http} mode each message is posted as JSON to a provider's URL with an API key.
 * The adapter takes part in no transaction: a text message cannot be rolled back.
 */
package io.reactivepay.connector.sms;
