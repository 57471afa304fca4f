package org.upskill.integration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.10",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "255.255.255.255",
        "::1",
        "fe80::1",
        "fd12:3456::1",
        "::ffff:10.0.0.1"
      })
  void privateLoopbackAndLinkLocalAddressesAreRefused(String ip) {
    var refusal =
        WebhookAddresses.refusal(URI.create("https://hr.example/hook"), false, resolvingTo(ip));
    assertTrue(refusal.isPresent(), ip);
    assertTrue(refusal.get().contains("public addresses only"), refusal.get());
  }

  @ParameterizedTest
  @ValueSource(strings = {"81.144.1.1", "172.32.0.1", "100.128.0.1", "2a00:1450:4009::1"})
  void publicAddressesAreAllowed(String ip) {
    assertEquals(
        java.util.Optional.empty(),
        WebhookAddresses.refusal(URI.create("https://hr.example/hook"), false, resolvingTo(ip)));
  }

  @Test
  void oneprivateAddressAmongPublicOnesIsEnoughToRefuse() {
    assertTrue(
        WebhookAddresses.refusal(
                URI.create("https://hr.example/hook"), false, resolvingTo("81.144.1.1", "10.0.0.5"))
            .isPresent());
  }

  @Test
  void literalAddressesInTheUrlAreJudgedToo() {
    assertTrue(
        WebhookAddresses.refusal(
                URI.create("https://[::1]:8443/hook"), false, InetAddress::getAllByName)
            .isPresent());
    assertTrue(
        WebhookAddresses.refusal(
                URI.create("http://127.0.0.1:9000/hook"), false, InetAddress::getAllByName)
            .isPresent());
  }

  @Test
  void anUnknownHostIsRefusedAndPrivateAddressesPassWhenAllowed() {
    WebhookAddresses.Resolver unknown =
        host -> {
          throw new UnknownHostException(host);
        };
    assertTrue(
        WebhookAddresses.refusal(URI.create("https://nowhere.invalid/"), false, unknown)
            .orElseThrow()
            .contains("cannot be found"));
    assertEquals(
        java.util.Optional.empty(),
        WebhookAddresses.refusal(URI.create("http://127.0.0.1:9000/hook"), true, unknown));
  }
}
