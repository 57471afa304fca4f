package org.upskill.platform.control;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The site's public address, for links that leave it (the QR code on a certificate, the ids in a
 * signed credential): {@code UPSKILL_PUBLIC_URL} when set (behind a load balancer, set it), else
 * the address the request came to.
 */
public final class PublicAddress {

  private PublicAddress() {}

  /** The base address without a trailing slash, e.g. {@code https://upskill.nhs.example}. */
  public static String of(String scheme, String host, int port) {
    var configured =
        ConfigProvider.getConfig().getOptionalValue("upskill.public-url", String.class);
    if (configured.isPresent() && !configured.get().isBlank()) {
      var url = configured.get().strip();
      return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
    var standard = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
    return scheme + "://" + host + (standard ? "" : ":" + port);
  }
}
