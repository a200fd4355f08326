package io.reactivepay.accounts.control;

import io.reactivepay.accounts.api.AccountsException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates where a merchant is reached (webhook URLs) and where it may call from (networks). */
public final class Endpoints {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private Endpoints() {
    }

    /** https anywhere, or http to this machine (development); no credentials or fragment in the URL. */
    public static String webhookUrl(String raw) {
        URI uri;
        try {
            uri = new URI(raw == null ? "" : raw.strip());
        } catch (URISyntaxException e) {
            throw new AccountsException(AccountsException.INVALID_WEBHOOK, "The webhook URL is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean secure = scheme.equals("https") || scheme.equals("http") && LOCAL_HOSTS.contains(host);
        if (!secure || host.isEmpty() || uri.getUserInfo() != null || uri.getFragment() != null || uri.toString().length() > 2000) {
            throw new AccountsException(AccountsException.INVALID_WEBHOOK,
                    "A webhook URL uses https (http only to localhost) and carries no credentials");
        }
        return uri.toString();
    }

    /** A network such as {@code 203.0.113.0/24} or {@code 2001:db8::/32}; a bare address is one host. */
    public static String network(String raw) {
        String[] parts = (raw == null ? "" : raw.strip()).split("/", -1);
        Optional<InetAddress> address = parts.length <= 2 ? address(parts[0]) : Optional.empty();
        int max = address.map(a -> a.getAddress().length * 8).orElse(0);
        int prefix;
        try {
            prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : max;
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (address.isEmpty() || prefix < 0 || prefix > max || hostBits(address.get(), prefix)) {
            throw new AccountsException(AccountsException.INVALID_NETWORK,
                    "A network is written like 203.0.113.0/24, with no bits set after the prefix");
        }
        return address.get().getHostAddress() + "/" + prefix;
    }

    /** Parses a literal address only: a name is never looked up in DNS. */
    public static Optional<InetAddress> address(String literal) {
        if (literal == null || !(IPV4.matcher(literal).matches() || IPV6.matcher(literal).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static boolean hostBits(InetAddress address, int prefix) {
        int bits = address.getAddress().length * 8;
        BigInteger value = new BigInteger(1, address.getAddress());
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
        return value.and(hostMask).signum() != 0;
    }
}
