package dev.retention.domain.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs webhooks may be sent to. A webhook makes this service send requests where a client says, so an address
 * inside the deployment's network (the loopback interface, private, shared and link-local ranges such as the cloud
 * metadata address 169.254.169.254) is refused unless configuration allows it, and plain http only when allowed.
 * Checked when a subscription is saved and again before every attempt, since a name may resolve elsewhere later.
 */
public final class WebhookTargets {

    /** Resolves a host name to its addresses. */
    @FunctionalInterface
    public interface HostResolver {

        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    private final boolean allowHttp;
    private final boolean allowLoopback;
    private final boolean allowPrivateNetworks;
    private final HostResolver resolver;

    public WebhookTargets(
            boolean allowHttp, boolean allowLoopback, boolean allowPrivateNetworks, HostResolver resolver) {
        this.allowHttp = allowHttp;
        this.allowLoopback = allowLoopback;
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.resolver = resolver;
    }

    public static HostResolver systemResolver() {
        return host -> List.of(InetAddress.getAllByName(host));
    }

    /** Why no webhook may be sent to the URL now, or empty when it may. */
    public Optional<String> refusal(String url) {
        return refusal(url, false);
    }

    /**
     * Why the URL may not be saved as a receiver, or empty when it may: as {@link #refusal(String)}, except that a
     * host that does not resolve (yet) is accepted; its deliveries fail, saying so, until it does.
     */
    public Optional<String> refusalToSave(String url) {
        return refusal(url, true);
    }

    private Optional<String> refusal(String url, boolean unknownHostAllowed) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException malformed) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return Optional.of(allowHttp ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        if (uri.getFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException unknown) {
            return unknownHostAllowed
                    ? Optional.empty()
                    : Optional.of("names a host that does not resolve: " + uri.getHost());
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = refusal(address);
            if (refused.isPresent()) {
                return Optional.of("resolves to " + address.getHostAddress() + ", " + refused.get());
            }
        }
        return Optional.empty();
    }

    private Optional<String> refusal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return Optional.of("which no webhook may be sent to");
        }
        if (address.isLoopbackAddress()) {
            return allowLoopback
                    ? Optional.empty()
                    : Optional.of("a loopback address (allow with retention.webhooks.allow-loopback)");
        }
        if (address.isLinkLocalAddress() || address.isSiteLocalAddress() || isOtherPrivate(address)) {
            return allowPrivateNetworks
                    ? Optional.empty()
                    : Optional.of("a private or link-local address (allow with "
                            + "retention.webhooks.allow-private-networks)");
        }
        return Optional.empty();
    }

    /** Ranges Java does not count as site-local: IPv6 unique local fc00::/7 and IPv4 shared 100.64.0.0/10. */
    private static boolean isOtherPrivate(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc;
        }
        return address instanceof Inet4Address && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
    }
}
