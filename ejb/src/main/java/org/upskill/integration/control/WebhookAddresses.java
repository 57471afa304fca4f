package org.upskill.integration.control;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which webhook addresses Upskill may call. A client must not be able to make the server post to
 * itself or to the hospital network behind it (server-side request forgery), so every address the
 * host resolves to must be an ordinary public unicast address: none of the ranges of {@link
 * #RANGES} — the IANA IPv4 and IPv6 Special-Purpose Address Registries, IPv4 multicast and reserved
 * space, and the IPv6 space outside global unicast 2000::/3 (IANA IPv6 Address Space: deprecated
 * site-local, multicast, reserved by the IETF).
 *
 * <p>Addresses that carry an IPv4 address are judged by it: an IPv4-mapped address (::ffff:a.b.c.d,
 * another spelling of the IPv4 address itself), NAT64 (64:ff9b::/96) and 6to4 (2002::/16) — so
 * NAT64 and 6to4 forms of public IPv4 addresses still work (a DNS64 resolver on an IPv6-only
 * network answers NAT64 addresses for every IPv4-only receiver). The other forms that carry one
 * (IPv4-compatible ::/96 and IPv4-translated ::ffff:0:0:0/96, both deprecated; Teredo; local-use
 * NAT64 64:ff9b:1::/48, whose layout depends on the prefix length) are refused outright.
 *
 * <p>With private addresses allowed (tests, demos on one machine), loopback, private-use (10/8,
 * 172.16/12, 192.168/16, fc00::/7) and link-local addresses are accepted — only when reached
 * directly (or IPv4-mapped), never through a NAT64 or 6to4 form, which no translator or relay would
 * forward to them. Every other range is refused even then.
 *
 * <p>A host that looks like an IPv4 address (its last label is a number, as the WHATWG URL Standard
 * decides) must be written exactly as four decimal numbers from 0 to 255 without leading zeros:
 * {@code 0177.0.0.1} (octal), {@code 0x7f.1} (hex), {@code 127.1} (shortened) and {@code
 * 2130706433} (one integer) mean 127.0.0.1 to many resolvers and other numbers to others, so they
 * are refused without being resolved, whether or not private addresses are allowed. IPv6 literals
 * in brackets are parsed (never resolved) and judged by the table.
 */
public final class WebhookAddresses {

  /** Resolves a host name to its addresses; replaceable in tests. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** The JVM's resolver (the system's, through the JVM's address cache). */
  public static final Resolver SYSTEM = InetAddress::getAllByName;

  /** What a range means for a webhook. */
  enum Use {
    /** Never called. */
    REFUSED,
    /** Loopback, private use, link-local: called only when private addresses are allowed. */
    LOCAL,
    /** Another spelling of the IPv4 address it carries: judged as that address. */
    SPELLS_IPV4,
    /** Reaches the IPv4 address it carries through a translator or relay: judged by it. */
    REACHES_IPV4
  }

  /**
   * One range: its CIDR notation, its name in the registry, what it means and, for addresses that
   * carry an IPv4 address, at which byte it starts.
   */
  record Range(String cidr, String name, Use use, int ipv4At, byte[] prefix, int bits) {

    static Range of(String cidr, String name, Use use, int ipv4At) {
      var slash = cidr.indexOf('/');
      return new Range(
          cidr,
          name,
          use,
          ipv4At,
          bytes(cidr.substring(0, slash)),
          Integer.parseInt(cidr.substring(slash + 1)));
    }

    boolean contains(byte[] ip) {
      if (ip.length != prefix.length) {
        return false;
      }
      for (int bit = 0; bit < bits; bit += 8) {
        int mask = bits - bit >= 8 ? 0xff : (0xff << (8 - (bits - bit))) & 0xff;
        if (((ip[bit / 8] ^ prefix[bit / 8]) & mask) != 0) {
          return false;
        }
      }
      return true;
    }

    /** The 16 (or 4) bytes of an address literal, IPv4-mapped literals kept as IPv6. */
    private static byte[] bytes(String literal) {
      try {
        var parsed = InetAddress.getByName(literal).getAddress(); // a literal: no lookup
        if (parsed.length == 4 && literal.contains(":")) { // the JDK turns ::ffff:a.b.c.d into IPv4
          var mapped = new byte[16];
          mapped[10] = (byte) 0xff;
          mapped[11] = (byte) 0xff;
          System.arraycopy(parsed, 0, mapped, 12, 4);
          return mapped;
        }
        return parsed;
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException(literal, e);
      }
    }
  }

  private static Range refused(String cidr, String name) {
    return Range.of(cidr, name, Use.REFUSED, -1);
  }

  private static Range local(String cidr, String name) {
    return Range.of(cidr, name, Use.LOCAL, -1);
  }

  /**
   * The ranges webhooks never go to (or, {@link Use#LOCAL}, only when private addresses are
   * allowed). The most specific range containing an address decides (longest prefix, as routing
   * does), so a block and the ranges inside it may both be listed. The JDK has no CIDR type; this
   * small table and {@link Range#contains} stand in for one.
   */
  static final List<Range> RANGES =
      List.of(
          // IANA IPv4 Special-Purpose Address Registry
          refused("0.0.0.0/8", "\"this network\""),
          local("10.0.0.0/8", "private use"),
          refused("100.64.0.0/10", "shared address space, carrier-grade NAT"),
          local("127.0.0.0/8", "loopback"),
          local("169.254.0.0/16", "link local, including cloud metadata services"),
          local("172.16.0.0/12", "private use"),
          refused("192.0.0.0/24", "IETF protocol assignments"),
          refused("192.0.2.0/24", "documentation, TEST-NET-1"),
          refused("192.31.196.0/24", "AS112-v4"),
          refused("192.52.193.0/24", "AMT"),
          refused("192.88.99.0/24", "deprecated 6to4 relay anycast"),
          local("192.168.0.0/16", "private use"),
          refused("192.175.48.0/24", "direct delegation AS112 service"),
          refused("198.18.0.0/15", "benchmarking"),
          refused("198.51.100.0/24", "documentation, TEST-NET-2"),
          refused("203.0.113.0/24", "documentation, TEST-NET-3"),
          refused("240.0.0.0/4", "reserved"),
          refused("255.255.255.255/32", "limited broadcast"),
          // IANA IPv4 Multicast Address Space Registry
          refused("224.0.0.0/4", "multicast"),
          // IANA IPv6 Special-Purpose Address Registry
          refused("::/128", "unspecified address"),
          local("::1/128", "loopback"),
          Range.of("::ffff:0:0/96", "IPv4-mapped", Use.SPELLS_IPV4, 12),
          Range.of("64:ff9b::/96", "IPv4-IPv6 translation, NAT64", Use.REACHES_IPV4, 12),
          refused("64:ff9b:1::/48", "local-use IPv4-IPv6 translation"),
          refused("100::/64", "discard-only"),
          refused("100:0:0:1::/64", "dummy IPv6 prefix"),
          refused("2001::/23", "IETF protocol assignments"),
          refused("2001::/32", "Teredo"),
          refused("2001:2::/48", "benchmarking"),
          refused("2001:10::/28", "deprecated ORCHID"),
          refused("2001:20::/28", "ORCHIDv2"),
          refused("2001:30::/28", "drone remote ID entity tags"),
          refused("2001:db8::/32", "documentation"),
          Range.of("2002::/16", "6to4", Use.REACHES_IPV4, 2),
          refused("2620:4f:8000::/48", "direct delegation AS112 service"),
          refused("3fff::/20", "documentation"),
          refused("5f00::/16", "segment routing SIDs"),
          local("fc00::/7", "unique local"),
          local("fe80::/10", "link local"),
          // Deprecated forms (RFC 4291, RFC 2765, RFC 3879) and the IANA IPv6 Address Space
          refused("::/96", "IPv4-compatible, deprecated"),
          refused("::ffff:0:0:0/96", "IPv4-translated"),
          refused("fec0::/10", "site local, deprecated"),
          refused("ff00::/8", "multicast"),
          refused("::/3", "reserved by the IETF, not global unicast"),
          refused("4000::/2", "reserved by the IETF, not global unicast"),
          refused("8000::/1", "reserved by the IETF, not global unicast"));

  /** A host ending in a number is an IPv4 address to URL parsers (WHATWG: "ends in a number"). */
  private static final Pattern NUMBER = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");

  /** Four decimal numbers, none with a leading zero (their range is checked after). */
  private static final Pattern DOTTED_QUAD =
      Pattern.compile(
          "(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})"
              + "\\.(0|[1-9][0-9]{0,2})");

  private static final String PUBLIC_ONLY = ": webhooks go to public addresses only.";

  private WebhookAddresses() {}

  /**
   * Why this address may not be called, or empty when it may.
   *
   * @param allowPrivate whether loopback, private and link-local addresses are allowed
   */
  public static Optional<String> refusal(URI address, boolean allowPrivate, Resolver resolver) {
    var host = address.getHost();
    if (host == null) { // URI found no host name, but a client may still mean one: 0x7f.1
      var written = writtenHost(address);
      return written != null && looksNumeric(written)
          ? nonCanonical(written)
          : Optional.of("The address has no host.");
    }
    if (host.startsWith("[")) {
      return ipv6Literal(host, allowPrivate);
    }
    if (looksNumeric(host)) {
      var quad = DOTTED_QUAD.matcher(host);
      var ip = new byte[4];
      for (int i = 0; quad.matches() && i < 4; i++) {
        var part = Integer.parseInt(quad.group(i + 1));
        if (part > 255) {
          return nonCanonical(host);
        }
        ip[i] = (byte) part;
      }
      return quad.matches()
          ? judge(ip, allowPrivate)
              .map(why -> "The address " + host + " is in " + why + PUBLIC_ONLY)
          : nonCanonical(host);
    }
    InetAddress[] resolved;
    try {
      resolved = resolver.resolve(host);
    } catch (UnknownHostException e) {
      return Optional.of("The host " + host + " cannot be found.");
    }
    for (var ip : resolved) {
      var why = judge(ip.getAddress(), allowPrivate);
      if (why.isPresent()) {
        return Optional.of(
            "The host "
                + host
                + " resolves to "
                + ip.getHostAddress()
                + ", in "
                + why.get()
                + PUBLIC_ONLY);
      }
    }
    return Optional.empty();
  }

  /** The same, resolving with the JVM's resolver. */
  public static Optional<String> refusal(URI address, boolean allowPrivate) {
    return refusal(address, allowPrivate, SYSTEM);
  }

  /** The host as written in the authority (for addresses where {@link URI#getHost} is null). */
  private static String writtenHost(URI address) {
    var authority = address.getRawAuthority();
    if (authority == null) {
      return null;
    }
    var host = authority.substring(authority.lastIndexOf('@') + 1);
    var port = host.lastIndexOf(':');
    return port >= 0 ? host.substring(0, port) : host;
  }

  private static boolean looksNumeric(String host) {
    var labels = host.split("\\.", -1);
    var last = labels[labels.length - 1];
    if (last.isEmpty() && labels.length > 1) { // a trailing dot
      last = labels[labels.length - 2];
    }
    return NUMBER.matcher(last).matches();
  }

  private static Optional<String> nonCanonical(String host) {
    return Optional.of(
        "The host "
            + host
            + " looks like an IPv4 address but is not written as four decimal numbers from 0 to"
            + " 255 without leading zeros (such as 192.0.2.10): resolvers read such forms"
            + " differently (0177 may be octal for 127), so it is refused.");
  }

  private static Optional<String> ipv6Literal(String host, boolean allowPrivate) {
    var literal = host.substring(1, host.endsWith("]") ? host.length() - 1 : host.length());
    if (literal.contains("%")) {
      return Optional.of(
          "The address " + host + " names a network interface (a zone)" + PUBLIC_ONLY);
    }
    if (!literal.contains(":")) {
      return Optional.of("The address " + host + " is not an IPv6 address.");
    }
    byte[] ip;
    try {
      ip = Range.bytes(literal); // with a colon, always parsed as a literal, never looked up
    } catch (IllegalArgumentException e) {
      return Optional.of("The address " + host + " is not an IPv6 address.");
    }
    return judge(ip, allowPrivate)
        .map(why -> "The address " + host + " is in " + why + PUBLIC_ONLY);
  }

  /** Why an address is refused (its range and the range's name), or empty when it is public. */
  static Optional<String> judge(byte[] ip, boolean allowLocal) {
    Range range = null;
    for (var candidate : RANGES) {
      if (candidate.contains(ip) && (range == null || candidate.bits() > range.bits())) {
        range = candidate;
      }
    }
    if (range == null || (range.use() == Use.LOCAL && allowLocal)) {
      return Optional.empty();
    }
    var where = range.cidr() + " (" + range.name() + ")";
    if (range.use() == Use.REFUSED || range.use() == Use.LOCAL) {
      return Optional.of(where);
    }
    var ipv4 = Arrays.copyOfRange(ip, range.ipv4At(), range.ipv4At() + 4);
    return judge(ipv4, allowLocal && range.use() == Use.SPELLS_IPV4)
        .map(why -> where + ", carrying " + dotted(ipv4) + " in " + why);
  }

  private static String dotted(byte[] ipv4) {
    try {
      return ((Inet4Address) InetAddress.getByAddress(ipv4)).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // four bytes are always an IPv4 address
    }
  }
}
