package org.upskill.web.compliance;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.upskill.catalog.boundary.Facet;
import org.upskill.compliance.boundary.ComplianceReports;
import org.upskill.compliance.control.ComplianceStatus;
import org.upskill.platform.boundary.Refusal;
import org.upskill.web.platform.Viewer;

/**
 * {@code /manage/compliance}: a manager's (or an admin's, for any organisation) view of mandatory
 * training — the share compliant per requirement, its trend over 12 months as a chart drawn from
 * the accessible table beside it, who falls out in the next 30/60/90 days, and the matrix of people
 * × requirements with filters, pages and a CSV export of the same.
 */
@Named
@RequestScoped
public class CompliancePage {

  static final int PAGE_SIZE = 25;

  @Inject ComplianceReports reports;
  @Inject Viewer viewer;
  @Inject HttpServletRequest request;

  private ComplianceReports.Organisation organisation;
  private List<ComplianceReports.Organisation> organisations = List.of();
  private List<ComplianceReports.RequirementSummary> summary = List.of();
  private ComplianceReports.Trend trend;
  private List<ComplianceReports.Forecast> forecast = List.of();
  private ComplianceReports.Matrix matrix;
  private List<String> staffGroups = List.of();
  private ComplianceReports.Filter filter;

  public void load() {
    var who = ComplianceViewers.of(viewer);
    if (who == null) {
      return;
    }
    try {
      organisation =
          reports.scope(who, ComplianceViewers.number(request.getParameter("organisation")));
    } catch (Refusal refusal) {
      viewer.refuse(refusal);
      return;
    }
    organisations = reports.organisations(who);
    filter = filter(request);
    summary = reports.summary(organisation.id());
    trend = reports.trend(organisation.id());
    forecast = reports.forecast(organisation.id(), 90);
    staffGroups = reports.staffGroups(organisation.id());
    var page = ComplianceViewers.number(request.getParameter("page"));
    matrix =
        reports.matrix(
            organisation.id(),
            filter,
            page == null || page < 1 ? 1 : (int) Math.min(page, 100_000),
            PAGE_SIZE);
  }

  /** The filters typed in the address; unknown values are ignored. */
  static ComplianceReports.Filter filter(HttpServletRequest request) {
    ComplianceStatus status = null;
    var typed = request.getParameter("status");
    if (typed != null) {
      status =
          Arrays.stream(ComplianceStatus.values())
              .filter(s -> s.wire().equals(typed))
              .findFirst()
              .orElse(null);
    }
    var q = request.getParameter("q");
    var group = request.getParameter("staffGroup");
    return new ComplianceReports.Filter(
        q == null || q.isBlank() ? null : q.strip(),
        ComplianceViewers.number(request.getParameter("requirement")),
        status,
        group == null || group.isBlank() ? null : group);
  }

  public ComplianceReports.Organisation getOrganisation() {
    return organisation;
  }

  public List<Facet> getOrganisations() {
    return organisations.stream().map(o -> new Facet(String.valueOf(o.id()), o.name())).toList();
  }

  public boolean isChoosingOrganisation() {
    return organisations.size() > 1;
  }

  public List<ComplianceReports.RequirementSummary> getSummary() {
    return summary;
  }

  public ComplianceReports.Trend getTrend() {
    return trend;
  }

  /** The trend as rows of the accessible table: a month, then the per cents in column order. */
  public List<List<String>> getTrendRows() {
    var rows = new ArrayList<List<String>>();
    for (int i = 0; i < trend.months().size(); i++) {
      var row = new ArrayList<String>();
      row.add(trend.months().get(i));
      for (var series : trend.percents().values()) {
        var value = series.get(i);
        row.add(value == null ? "–" : value + "%");
      }
      rows.add(row);
    }
    return rows;
  }

  public List<ComplianceReports.RequirementRef> getTrendColumns() {
    return List.copyOf(trend.percents().keySet());
  }

  public List<ComplianceReports.Forecast> getForecast() {
    return forecast;
  }

  /** How many fall out within 30, 60 and 90 days. */
  public Map<Integer, Long> getForecastCounts() {
    var counts = new LinkedHashMap<Integer, Long>();
    for (int days : new int[] {30, 60, 90}) {
      counts.put(days, forecast.stream().filter(f -> f.daysLeft() <= days).count());
    }
    return counts;
  }

  public ComplianceReports.Matrix getMatrix() {
    return matrix;
  }

  public ComplianceReports.Filter getFilter() {
    return filter;
  }

  public List<Facet> getRequirementOptions() {
    return matrix.requirements().stream()
        .map(r -> new Facet(String.valueOf(r.id()), r.name()))
        .toList();
  }

  public List<Facet> getStatusOptions() {
    return Arrays.stream(ComplianceStatus.values())
        .map(s -> new Facet(s.wire(), s.label()))
        .toList();
  }

  public List<Facet> getStaffGroupOptions() {
    return staffGroups.stream().map(g -> new Facet(g, g)).toList();
  }

  /** The colour of a status's tag (GOV.UK tag modifiers). */
  public String colour(ComplianceStatus status) {
    return tagColour(status);
  }

  static String tagColour(ComplianceStatus status) {
    return switch (status) {
      case COMPLIANT -> "green";
      case DUE_SOON -> "yellow";
      case OVERDUE -> "red";
      case NOT_STARTED -> "grey";
      case EXEMPT -> "blue";
    };
  }

  /** The address of this page with the filters, on another page (or the CSV with them). */
  public String href(String base, int page) {
    var query = new StringBuilder("?organisation=").append(organisation.id());
    append(query, "q", filter.query());
    append(
        query, "requirement", filter.requirementId() == null ? null : "" + filter.requirementId());
    append(query, "status", filter.status() == null ? null : filter.status().wire());
    append(query, "staffGroup", filter.staffGroup());
    if (page > 1) {
      query.append("&page=").append(page);
    }
    return request.getContextPath() + base + query;
  }

  public String pageHref(int page) {
    return href("/manage/compliance", page) + "#matrix-heading";
  }

  public String getCsvHref() {
    return href("/manage/compliance.csv", 1);
  }

  private static void append(StringBuilder query, String name, String value) {
    if (value != null && !value.isBlank()) {
      query
          .append('&')
          .append(name)
          .append('=')
          .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }
}
