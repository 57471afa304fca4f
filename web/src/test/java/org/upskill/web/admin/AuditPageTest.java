package org.upskill.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditPageTest {

  static HttpServletRequest request(Map<String, String> parameters) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            AuditPageTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                method.getName().equals("getParameter") ? parameters.get((String) args[0]) : null);
  }

  @Test
  void aMalformedDateIsNamedAndIgnoredTheRestKept() {
    var errors = new LinkedHashMap<String, String>();
    var filter =
        AuditPage.filter(
            request(
                Map.of(
                    "from",
                    "yesterday",
                    "to",
                    "2026-11-30",
                    "action",
                    "person.erased",
                    "actor",
                    " admin ")),
            errors);
    assertEquals(
        Map.of("from", "Enter the date as year-month-day, for example 2026-11-30"), errors);
    assertNull(filter.from());
    assertEquals(LocalDate.of(2026, 11, 30), filter.to());
    assertEquals("person.erased", filter.action());
    assertEquals("admin", filter.actor());
  }

  @Test
  void noParametersIsEverything() {
    var errors = new LinkedHashMap<String, String>();
    var filter = AuditPage.filter(request(Map.of()), errors);
    assertEquals(Map.of(), errors);
    assertEquals(
        new org.upskill.audit.boundary.AuditLog.Filter(null, null, null, null, null), filter);
  }

  @Test
  void anUnknownActionIsIgnored() {
    var filter = AuditPage.filter(request(Map.of("action", "drop table")), new LinkedHashMap<>());
    assertNull(filter.action());
  }
}
