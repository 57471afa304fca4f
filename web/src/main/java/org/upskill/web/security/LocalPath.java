package org.upskill.web.security;

/** Keeps redirects inside the application: no open redirect through a crafted {@code next}. */
final class LocalPath {

  private LocalPath() {}

  /** The path when it is a plain path on this site, otherwise the home page. */
  static String orHome(String path) {
    if (path == null
        || !path.startsWith("/")
        || path.startsWith("//")
        || path.contains("\\")
        || path.chars().anyMatch(c -> c < 0x20)) {
      return "/";
    }
    return path;
  }
}
