package org.upskill.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.upskill.audit.boundary.AuditLog;
import org.upskill.catalog.boundary.Facet;
import org.upskill.platform.boundary.Page;
import org.upskill.platform.control.DateBounds;
import org.upskill.web.platform.Viewer;

/**
 * {@code /admin/audit}: the audit log, newest first, searched by action, the person it concerns,
 * who acted and dates; pages of 50 and a CSV of the same search. Admins only. Nothing on it (or
 * anywhere) changes an entry.
 */
@Named
@RequestScoped
public class AuditPage {

  static final int PAGE_SIZE = 50;

  @Inject AuditLog log;
  @Inject Viewer viewer;
  @Inject HttpServletRequest request;

  private Page<AuditLog.Line> lines;
  private AuditLog.Filter filter;
  private Map<String, String> errors = Map.of();

  public void load() {
    if (!viewer.requireSignIn()) {
      return;
    }
    if (!viewer.hasRole("admin")) {
      viewer.refuse(403, "Only admins read the audit log.");
      return;
    }
    var found = new LinkedHashMap<String, String>();
    filter = filter(request, found);
    errors = found;
    var page = request.getParameter("page");
    var number = page != null && page.matches("\\d{1,6}") ? Math.max(1, Integer.parseInt(page)) : 1;
    lines = log.search(filter, number, PAGE_SIZE);
  }

  /** The search typed in the address; a malformed date is named and ignored. */
  static AuditLog.Filter filter(HttpServletRequest request, Map<String, String> errors) {
    return new AuditLog.Filter(
        request.getParameter("action") != null
                && AuditLog.ACTIONS.contains(request.getParameter("action"))
            ? request.getParameter("action")
            : null,
        blankToNull(request.getParameter("person")),
        blankToNull(request.getParameter("actor")),
        date(request.getParameter("from"), "from", errors),
        date(request.getParameter("to"), "to", errors));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static LocalDate date(String value, String field, Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      var date = LocalDate.parse(value.strip());
      if (!DateBounds.accepts(date)) {
        errors.put(field, "Enter a date " + DateBounds.range());
        return null;
      }
      return date;
    } catch (DateTimeParseException e) {
      errors.put(field, "Enter the date as year-month-day, for example 2026-11-30");
      return null;
    }
  }

  public Page<AuditLog.Line> getLines() {
    return lines;
  }

  public AuditLog.Filter getFilter() {
    return filter;
  }

  public Map<String, String> getErrors() {
    return errors;
  }

  /** What was typed, to show again (dates as typed, even when wrong). */
  public String typed(String name) {
    var value = request.getParameter(name);
    return value == null ? "" : value;
  }

  public List<Facet> getActions() {
    return AuditLog.ACTIONS.stream().map(a -> new Facet(a, a)).toList();
  }

  /** This search on another page, or as CSV. */
  public String href(String base, int page) {
    var query = new StringBuilder();
    for (var name : List.of("action", "person", "actor", "from", "to")) {
      var value = request.getParameter(name);
      if (value != null && !value.isBlank()) {
        query
            .append(query.isEmpty() ? '?' : '&')
            .append(name)
            .append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    }
    if (page > 1) {
      query.append(query.isEmpty() ? '?' : '&').append("page=").append(page);
    }
    return request.getContextPath() + base + query;
  }

  public String pageHref(int page) {
    return href("/admin/audit", page);
  }

  public String getCsvHref() {
    return href("/admin/audit.csv", 1);
  }
}
