package org.upskill.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LocalPathTest {

  @Test
  void keepsAPathOnThisSite() {
    assertEquals("/account/profile", LocalPath.orHome("/account/profile"));
  }

  @Test
  void refusesEverythingThatCouldLeaveTheSite() {
    assertEquals("/", LocalPath.orHome("https://evil.example/"));
    assertEquals("/", LocalPath.orHome("//evil.example/"));
    assertEquals("/", LocalPath.orHome("/\\evil.example"));
    assertEquals("/", LocalPath.orHome("/ok\r\nSet-Cookie: x=y"));
    assertEquals("/", LocalPath.orHome(null));
  }
}
