package io.reactivepay.accounts.api;

/** A new TOTP secret (base32) and its {@code otpauth://} URI for a QR code; shown once, during enrolment. */
public record TotpEnrolment(String secret, String uri) {

    @Override
    public String toString() {
        return "TotpEnrolment[<hidden>]";
    }
}
