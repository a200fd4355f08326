package io.reactivepay.fraud.api;

/** The entry that decides for a value: for an IP, the most specific range that holds it. */
public record ListMatch(long id, ListType type, PartyKind kind) {
}
