package io.reactivepay.connector.sms;

import io.reactivepay.connector.api.Outcome;
import io.reactivepay.connector.api.messaging.TextMessage;

/** How messages leave: to the development outbox file, or to a provider over HTTP. */
interface MessageSender {

    Outcome send(TextMessage message);
}
