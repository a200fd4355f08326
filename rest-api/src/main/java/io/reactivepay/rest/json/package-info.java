/**
 * Strict reading of request bodies and query parameters: unknown names, wrong types, duplicate names,
 * trailing text, amounts with more decimals than their currency and unknown currencies are refused
 * with the field named, never guessed at or rounded.
 */
package io.reactivepay.rest.json;
