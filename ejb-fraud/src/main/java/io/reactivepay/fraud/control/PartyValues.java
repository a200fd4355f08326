package io.reactivepay.fraud.control;

import io.reactivepay.fraud.api.FraudException;
import io.reactivepay.fraud.api.PartyKind;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One normal form per kind of party, shared by lists and screening so a listed value and a screened
 * one compare equal: lower-case e-mail, E.164 phone, canonical CIDR network.
 */
public final class PartyValues {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern CARD = Pattern.compile("[A-Za-z0-9_-]{8,128}");
    private static final Pattern BIN = Pattern.compile("[0-9]{6,8}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern IPV4 = Pattern.compile("([0-9]{1,3})(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private PartyValues() {
    }

    public static String normalise(PartyKind kind, String value) {
        String trimmed = value.trim();
        String normal = switch (kind) {
            case EMAIL -> trimmed.toLowerCase(Locale.ROOT);
            case PHONE -> trimmed.replaceAll("[\\s()-]", "");
            case IP -> network(trimmed);
            default -> trimmed;
        };
        Pattern format = switch (kind) {
            case EMAIL -> EMAIL;
            case PHONE -> PHONE;
            case CARD -> CARD;
            case BIN -> BIN;
            case COUNTRY -> COUNTRY;
            case IP, WALLET -> null;
        };
        if (format != null && !format.matcher(normal).matches()) {
            throw invalid(kind + " value is not valid");
        }
        return normal;
    }

    /** An address or CIDR range in canonical form ({@code 10.0.0.0/8}); host bits must be zero. */
    static String network(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        InetAddress inet = literal(address);
        int bits = inet.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw invalid("CIDR prefix is not a number");
            }
        }
        if (prefix < 0 || prefix > bits) {
            throw invalid("CIDR prefix out of range");
        }
        BigInteger value = new BigInteger(1, inet.getAddress());
        if (value.and(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE)).signum() != 0) {
            throw invalid("CIDR range has host bits set");
        }
        return inet.getHostAddress() + "/" + prefix;
    }

    /** Parses an IP literal without ever asking DNS (a name is refused before InetAddress sees it). */
    public static InetAddress literal(String address) {
        boolean v4 = IPV4.matcher(address).matches();
        if (!v4 && !IPV6.matcher(address).matches()) {
            throw invalid("Not an IP address");
        }
        if (v4) {
            for (String part : address.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    throw invalid("Not an IP address");
                }
            }
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw invalid("Not an IP address");
        }
    }

    private static FraudException invalid(String message) {
        return new FraudException(FraudException.INVALID_LIST_ENTRY, message);
    }
}
