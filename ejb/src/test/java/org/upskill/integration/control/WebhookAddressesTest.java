package org.upskill.integration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookAddressesTest {

  static WebhookAddresses.Resolver resolvingTo(String... ips) {
    return host -> {
      var addresses = new InetAddress[ips.length];
      for (int i = 0; i < ips.length; i++) {
        addresses[i] = InetAddress.getByName(ips[i]); // literals: no lookup
      }
      return addresses;
    };
  }

  /** Literal addresses are judged as written: asking the resolver is a failure. */
  static final WebhookAddresses.Resolver NEVER =
      host -> {
        throw new AssertionError("resolved " + host);
      };

  static Optional<String> refusal(String url, boolean allowPrivate) {
    return WebhookAddresses.refusal(URI.create(url), allowPrivate, NEVER);
  }

  @ParameterizedTest(name = "{0} is refused: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # the addresses of issue 16
          https://[::127.0.0.1]/hook                 | ::/96 (IPv4-compatible, deprecated)
          https://[64:ff9b::7f00:1]/hook             | 64:ff9b::/96 (IPv4-IPv6 translation, NAT64), carrying 127.0.0.1 in 127.0.0.0/8 (loopback)
          https://[2002:7f00:1::]/hook               | 2002::/16 (6to4), carrying 127.0.0.1 in 127.0.0.0/8 (loopback)
          https://198.18.0.1/hook                    | 198.18.0.0/15 (benchmarking)
          # IPv4 Special-Purpose Address Registry, multicast, reserved
          https://0.0.0.0/hook                       | 0.0.0.0/8 ("this network")
          https://0.1.2.3/hook                       | 0.0.0.0/8 ("this network")
          https://10.1.2.3/hook                      | 10.0.0.0/8 (private use)
          https://100.64.0.1/hook                    | 100.64.0.0/10 (shared address space, carrier-grade NAT)
          https://100.127.255.254/hook               | 100.64.0.0/10
          https://127.0.0.1:8443/hook                | 127.0.0.0/8 (loopback)
          https://127.255.255.254/hook               | 127.0.0.0/8 (loopback)
          https://169.254.169.254/latest/meta-data   | 169.254.0.0/16 (link local
          https://172.16.0.1/hook                    | 172.16.0.0/12 (private use)
          https://172.31.255.255/hook                | 172.16.0.0/12 (private use)
          https://192.0.0.8/hook                     | 192.0.0.0/24 (IETF protocol assignments)
          https://192.0.2.1/hook                     | 192.0.2.0/24 (documentation, TEST-NET-1)
          https://192.31.196.1/hook                  | 192.31.196.0/24 (AS112-v4)
          https://192.52.193.1/hook                  | 192.52.193.0/24 (AMT)
          https://192.88.99.1/hook                   | 192.88.99.0/24 (deprecated 6to4 relay anycast)
          https://192.168.1.10/hook                  | 192.168.0.0/16 (private use)
          https://192.175.48.1/hook                  | 192.175.48.0/24 (direct delegation AS112 service)
          https://198.19.255.255/hook                | 198.18.0.0/15 (benchmarking)
          https://198.51.100.7/hook                  | 198.51.100.0/24 (documentation, TEST-NET-2)
          https://203.0.113.9/hook                   | 203.0.113.0/24 (documentation, TEST-NET-3)
          https://224.0.0.1/hook                     | 224.0.0.0/4 (multicast)
          https://239.255.255.250/hook               | 224.0.0.0/4 (multicast)
          https://240.0.0.1/hook                     | 240.0.0.0/4 (reserved)
          https://255.255.255.255/hook               | 255.255.255.255/32 (limited broadcast)
          # IPv6 Special-Purpose Address Registry and the forms carrying IPv4 addresses
          https://[::]/hook                          | ::/128 (unspecified address)
          https://[::1]:8443/hook                    | ::1/128 (loopback)
          https://[::ffff:127.0.0.1]/hook            | ::ffff:0:0/96 (IPv4-mapped), carrying 127.0.0.1 in 127.0.0.0/8 (loopback)
          https://[::ffff:a9fe:a9fe]/hook            | ::ffff:0:0/96 (IPv4-mapped), carrying 169.254.169.254 in 169.254.0.0/16
          https://[::ffff:0:7f00:1]/hook             | ::ffff:0:0:0/96 (IPv4-translated)
          https://[::10.0.0.1]/hook                  | ::/96 (IPv4-compatible, deprecated)
          https://[64:ff9b::a00:1]/hook              | 64:ff9b::/96 (IPv4-IPv6 translation, NAT64), carrying 10.0.0.1 in 10.0.0.0/8 (private use)
          https://[64:ff9b::c000:201]/hook           | 64:ff9b::/96 (IPv4-IPv6 translation, NAT64), carrying 192.0.2.1 in 192.0.2.0/24 (documentation, TEST-NET-1)
          https://[64:ff9b:1::5db8:d70e]/hook        | 64:ff9b:1::/48 (local-use IPv4-IPv6 translation)
          https://[2002:c0a8:101::1]/hook            | 2002::/16 (6to4), carrying 192.168.1.1 in 192.168.0.0/16 (private use)
          https://[2002:a9fe:a9fe::]/hook            | 2002::/16 (6to4), carrying 169.254.169.254
          https://[100::1]/hook                      | 100::/64 (discard-only)
          https://[100:0:0:1::1]/hook                | 100:0:0:1::/64 (dummy IPv6 prefix)
          https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook | 2001::/32 (Teredo)
          https://[2001:1::1]/hook                   | 2001::/23 (IETF protocol assignments)
          https://[2001:2::1]/hook                   | 2001:2::/48 (benchmarking)
          https://[2001:10::1]/hook                  | 2001:10::/28 (deprecated ORCHID)
          https://[2001:20::1]/hook                  | 2001:20::/28 (ORCHIDv2)
          https://[2001:db8::1]/hook                 | 2001:db8::/32 (documentation)
          https://[2001:db8:ffff:ffff:ffff:ffff:ffff:ffff]/hook | 2001:db8::/32 (documentation)
          https://[2620:4f:8000::1]/hook             | 2620:4f:8000::/48 (direct delegation AS112 service)
          https://[3fff::1]/hook                     | 3fff::/20 (documentation)
          https://[5f00::1]/hook                     | 5f00::/16 (segment routing SIDs)
          https://[fc00::1]/hook                     | fc00::/7 (unique local)
          https://[fd12:3456::1]/hook                | fc00::/7 (unique local)
          https://[fe80::1]/hook                     | fe80::/10 (link local)
          https://[febf:ffff::1]/hook                | fe80::/10 (link local)
          https://[fec0::1]/hook                     | fec0::/10 (site local, deprecated)
          https://[ff02::1]/hook                     | ff00::/8 (multicast)
          https://[400::1]/hook                      | ::/3 (reserved by the IETF, not global unicast)
          https://[4000::1]/hook                     | 4000::/2 (reserved by the IETF, not global unicast)
          https://[8000::1]/hook                     | 8000::/1 (reserved by the IETF, not global unicast)
          """)
  void specialPurposeAddressesAreRefusedNamingTheirRange(String url, String range) {
    var refusal = refusal(url, false);
    assertTrue(refusal.isPresent(), url);
    assertTrue(refusal.get().contains(" is in " + range), refusal.get());
    assertTrue(refusal.get().endsWith(": webhooks go to public addresses only."), refusal.get());
  }

  @Test
  void theMessageSaysWhy() {
    assertEquals(
        Optional.of(
            "The address 198.18.0.1 is in 198.18.0.0/15 (benchmarking): webhooks go to public"
                + " addresses only."),
        refusal("https://198.18.0.1/hook", false));
  }

  @ParameterizedTest(name = "{0} is not canonical")
  @ValueSource(
      strings = {
        "0177.0.0.1", // octal: 127.0.0.1 to inet_aton, 177.0.0.1 to others
        "0x7f.1", // hex and shortened
        "0x7F.0.0.1",
        "0x7f000001", // one hex number
        "127.1", // shortened
        "127.0.1",
        "2130706433", // one decimal number
        "017700000001", // one octal number
        "127.000.000.001", // leading zeros
        "127.0.0.01",
        "00.0.0.0",
        "256.1.1.1", // out of range
        "1.2.3.4.5", // five numbers
        "127.0.0.1.", // a trailing dot
        "example.0x10", // a name ending in a number is an IPv4 address to URL parsers
        "hr.example.12"
      })
  void hostsWrittenAsNumbersInAnyOtherFormAreRefusedUnresolvedEvenWhenPrivateIsAllowed(
      String host) {
    for (var allowPrivate : List.of(false, true)) {
      var refusal = refusal("https://" + host + "/hook", allowPrivate);
      assertEquals(
          Optional.of(
              "The host "
                  + host
                  + " looks like an IPv4 address but is not written as four decimal numbers from"
                  + " 0 to 255 without leading zeros (such as 192.0.2.10): resolvers read such"
                  + " forms differently (0177 may be octal for 127), so it is refused."),
          refusal,
          host);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "https://93.184.215.14/hook",
        "https://8.8.8.8/hook",
        "https://[2606:4700::1111]/hook",
        "https://[2a00:1450:4009::1]:8443/hook",
        "https://[64:ff9b::5db8:d70e]/hook", // NAT64 of 93.184.215.14 (DNS64 answers these)
        "https://[2002:5db8:d70e::1]/hook", // 6to4 of 93.184.215.14
        "https://[::ffff:93.184.215.14]/hook",
        "https://172.32.0.1/hook", // just outside 172.16/12
        "https://100.128.0.1/hook", // just outside 100.64/10
        "https://198.20.0.1/hook", // just outside 198.18/15
        "https://192.0.1.1/hook",
        "https://223.255.255.255/hook",
        "https://[2001:200::1]/hook" // just outside 2001::/23
      })
  void publicAddressLiteralsAreAcceptedWithoutResolving(String url) {
    assertEquals(Optional.empty(), refusal(url, false));
  }

  @ParameterizedTest(name = "hr.example resolving to {0} is accepted")
  @ValueSource(strings = {"93.184.215.14", "81.144.1.1", "2606:4700::1111", "2a00:1450:4009::1"})
  void namesResolvingToPublicAddressesAreAccepted(String ip) {
    var asked = new ArrayList<String>();
    WebhookAddresses.Resolver resolver =
        host -> {
          asked.add(host);
          return resolvingTo(ip).resolve(host);
        };
    assertEquals(
        Optional.empty(),
        WebhookAddresses.refusal(URI.create("https://hr.example/hook"), false, resolver));
    assertEquals(List.of("hr.example"), asked);
  }

  @Test
  void aNameStartingWithNumbersIsAName() {
    assertEquals(
        Optional.empty(),
        WebhookAddresses.refusal(
            URI.create("https://127.0.0.1.example/hook"), false, resolvingTo("93.184.215.14")));
  }

  @ParameterizedTest(name = "hr.example resolving to {0} is refused")
  @ValueSource(
      strings = {
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.10",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "198.18.0.1",
        "224.0.0.1",
        "255.255.255.255",
        "::1",
        "fe80::1",
        "fd12:3456::1",
        "::ffff:10.0.0.1",
        "64:ff9b::7f00:1",
        "2002:7f00:1::"
      })
  void namesResolvingToSpecialPurposeAddressesAreRefused(String ip) {
    var refusal =
        WebhookAddresses.refusal(URI.create("https://hr.example/hook"), false, resolvingTo(ip));
    assertTrue(refusal.isPresent(), ip);
    assertTrue(refusal.get().startsWith("The host hr.example resolves to "), refusal.get());
    assertTrue(refusal.get().endsWith("public addresses only."), refusal.get());
  }

  @Test
  void aResolvedAddressIsNamedWithItsRange() {
    assertEquals(
        Optional.of(
            "The host hr.example resolves to 10.0.0.5, in 10.0.0.0/8 (private use): webhooks go"
                + " to public addresses only."),
        WebhookAddresses.refusal(
            URI.create("https://hr.example/hook"), false, resolvingTo("81.144.1.1", "10.0.0.5")));
  }

  @Test
  void anIpv4MappedAddressKeptAsIpv6IsJudgedByItsIpv4Address() throws Exception {
    var mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    mapped[12] = 127;
    mapped[15] = 1;
    var ip = Inet6Address.getByAddress(null, mapped, -1); // stays IPv6, unlike getByAddress
    var refusal =
        WebhookAddresses.refusal(
            URI.create("https://hr.example/hook"), false, host -> new InetAddress[] {ip});
    assertTrue(
        refusal.orElseThrow().contains("carrying 127.0.0.1 in 127.0.0.0/8 (loopback)"),
        refusal.toString());
  }

  @ParameterizedTest(name = "{0} is allowed with private addresses")
  @ValueSource(
      strings = {
        "http://127.0.0.1:9000/hook",
        "https://10.0.0.1/hook",
        "https://172.16.5.4/hook",
        "https://192.168.1.1/hook",
        "https://169.254.1.1/hook",
        "https://[::1]:9000/hook",
        "https://[fd00::1]/hook",
        "https://[fe80::1]/hook",
        "https://[::ffff:127.0.0.1]/hook" // the IPv4 address itself, spelt as IPv6
      })
  void loopbackPrivateAndLinkLocalAddressesPassWhenPrivateAddressesAreAllowed(String url) {
    assertTrue(refusal(url, false).isPresent(), url);
    assertEquals(Optional.empty(), refusal(url, true), url);
  }

  @ParameterizedTest(name = "{0} is refused even with private addresses")
  @ValueSource(
      strings = {
        "https://[::127.0.0.1]/hook", // deprecated IPv4-compatible
        "https://[64:ff9b::7f00:1]/hook", // no translator forwards to loopback
        "https://[2002:7f00:1::]/hook", // nor a 6to4 relay
        "https://[2002:a00:1::]/hook",
        "https://198.18.0.1/hook",
        "https://100.64.0.1/hook",
        "https://0.0.0.0/hook",
        "https://224.0.0.1/hook",
        "https://[2001:db8::1]/hook",
        "https://[::]/hook"
      })
  void otherSpecialPurposeAddressesAreRefusedEvenWhenPrivateAddressesAreAllowed(String url) {
    var refusal = refusal(url, true);
    assertTrue(refusal.orElseThrow().endsWith("public addresses only."), refusal.get());
  }

  @Test
  void aNameIsResolvedAndJudgedWhenPrivateAddressesAreAllowed() {
    assertEquals(
        Optional.empty(),
        WebhookAddresses.refusal(
            URI.create("http://localhost:9000/hook"), true, resolvingTo("127.0.0.1")));
    assertTrue(
        WebhookAddresses.refusal(
                URI.create("https://hr.example/hook"), true, resolvingTo("198.18.0.7"))
            .orElseThrow()
            .contains("resolves to 198.18.0.7, in 198.18.0.0/15 (benchmarking)"));
  }

  @Test
  void anUnknownHostIsRefused() {
    WebhookAddresses.Resolver unknown =
        host -> {
          throw new UnknownHostException(host);
        };
    for (var allowPrivate : List.of(false, true)) {
      assertEquals(
          Optional.of("The host nowhere.invalid cannot be found."),
          WebhookAddresses.refusal(URI.create("https://nowhere.invalid/"), allowPrivate, unknown));
    }
  }

  @Test
  void addressesWithoutAUsableHostAreRefused() {
    assertEquals(Optional.of("The address has no host."), refusal("https:/hook", false));
    assertEquals(Optional.of("The address has no host."), refusal("https://a_b.example/", true));
    assertTrue(
        refusal("https://[fe80::1%25eth0]/hook", true).orElseThrow().contains("(a zone)"),
        "a zone index is refused");
  }

  @Test
  void theSystemResolverJudgesLiteralsToo() {
    assertTrue(WebhookAddresses.refusal(URI.create("https://[::1]:8443/hook"), false).isPresent());
    assertTrue(
        WebhookAddresses.refusal(URI.create("http://127.0.0.1:9000/hook"), false).isPresent());
  }

  @Test
  void theTableHasNoRangeTwiceAndEveryPrefixHasNoBitsBeyondItsLength() {
    var seen = new java.util.HashSet<String>();
    for (var range : WebhookAddresses.RANGES) {
      assertTrue(seen.add(range.cidr()), "listed twice: " + range.cidr());
      var prefix = range.prefix();
      for (int bit = range.bits(); bit < prefix.length * 8; bit++) {
        assertEquals(0, (prefix[bit / 8] >> (7 - bit % 8)) & 1, range.cidr() + " bit " + bit);
      }
    }
  }
}
