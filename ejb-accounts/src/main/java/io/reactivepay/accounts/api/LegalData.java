package io.reactivepay.accounts.api;

/** A merchant's legal identity: name, company register number, registered address, ISO country. */
public record LegalData(String legalName, String registrationNumber, String legalAddress, String country) {
}
