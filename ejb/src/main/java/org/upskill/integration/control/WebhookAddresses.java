package org.upskill.integration.control;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which webhook addresses Upskill may call. A client must not be able to make the server post to
 * itself or to the hospital network behind it (server-side request forgery): unless private
 * addresses are allowed (tests, demos on one machine), every address the host resolves to must be
 * public — not loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (including the
 * cloud metadata address 169.254.169.254), carrier-grade NAT (100.64/10), "this network" (0/8),
 * multicast or the wildcard.
 */
public final class WebhookAddresses {

  /** Resolves a host name to its addresses; replaceable in tests. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private WebhookAddresses() {}

  /**
   * Why this address may not be called, or empty when it may.
   *
   * @param allowPrivate whether private and loopback addresses are allowed
   */
  public static Optional<String> refusal(URI address, boolean allowPrivate, Resolver resolver) {
    var host = address.getHost();
    if (host == null || host.isBlank()) {
      return Optional.of("The address has no host.");
    }
    if (allowPrivate) {
      return Optional.empty();
    }
    InetAddress[] resolved;
    try {
      resolved =
          resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
    } catch (UnknownHostException e) {
      return Optional.of("The host " + host + " cannot be found.");
    }
    for (var ip : resolved) {
      if (!isPublic(ip)) {
        return Optional.of(
            "The host "
                + host
                + " is a private, loopback or link-local address ("
                + ip.getHostAddress()
                + "): webhooks go to public addresses only.");
      }
    }
    return Optional.empty();
  }

  /** The same, resolving with the system's resolver. */
  public static Optional<String> refusal(URI address, boolean allowPrivate) {
    return refusal(address, allowPrivate, InetAddress::getAllByName);
  }

  static boolean isPublic(InetAddress ip) {
    if (ip.isAnyLocalAddress()
        || ip.isLoopbackAddress()
        || ip.isLinkLocalAddress()
        || ip.isSiteLocalAddress()
        || ip.isMulticastAddress()) {
      return false;
    }
    var bytes = ip.getAddress();
    if (ip instanceof Inet4Address) {
      int first = bytes[0] & 0xff;
      int second = bytes[1] & 0xff;
      return first != 0 // "this network"
          && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
          && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
          && first < 240; // reserved and broadcast
    }
    if (ip instanceof Inet6Address) {
      int first = bytes[0] & 0xff;
      if ((first & 0xfe) == 0xfc) { // unique local fc00::/7
        return false;
      }
      // IPv4-mapped (::ffff:a.b.c.d): judge the IPv4 address inside
      boolean mapped = bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
      for (int i = 0; i < 10 && mapped; i++) {
        mapped = bytes[i] == 0;
      }
      if (mapped) {
        try {
          return isPublic(
              InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
        } catch (UnknownHostException e) {
          return false;
        }
      }
    }
    return true;
  }
}
