package org.upskill.web.catalogue;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.upskill.catalog.boundary.CatalogQuery;
import org.upskill.catalog.boundary.CourseCatalog;
import org.upskill.catalog.boundary.CourseSummary;
import org.upskill.catalog.boundary.Facet;
import org.upskill.platform.boundary.Page;

/**
 * The course catalogue ({@code /courses}): a plain GET form for search and filters and numbered
 * pages, so it works without JavaScript and every result page has its own address.
 */
@Named
@RequestScoped
public class Catalogue {

  static final int PAGE_SIZE = 10;

  /** The filter choices that are not skills. */
  public static final List<Facet> AUDIENCES =
      List.of(new Facet("NHS_STAFF", "NHS staff"), new Facet("TECH", "Tech learners"));

  public static final List<Facet> LEVELS =
      List.of(
          new Facet("INTRODUCTORY", "Introductory"),
          new Facet("INTERMEDIATE", "Intermediate"),
          new Facet("ADVANCED", "Advanced"));

  public static final List<Facet> DURATIONS =
      List.of(
          new Facet("any", "Any length"),
          new Facet("short", "Up to 2 hours"),
          new Facet("medium", "2 to 4 hours"),
          new Facet("long", "Over 4 hours"));

  @Inject CourseCatalog catalog;
  @Inject ExternalContext externalContext;

  private CatalogQuery query;
  private Page<CourseSummary> results;
  private List<Facet> skills;

  @PostConstruct
  void search() {
    var params = externalContext.getRequestParameterValuesMap();
    var text = first(params.get("q"));
    query =
        new CatalogQuery(
            text.length() > 100 ? text.substring(0, 100) : text,
            values(params.get("audience")),
            first(params.get("skill")),
            values(params.get("level")),
            "any".equals(first(params.get("duration"))) ? null : first(params.get("duration")),
            pageNumber(first(params.get("page"))),
            PAGE_SIZE);
    results = catalog.search(query);
    skills = catalog.skills();
  }

  private static String first(String[] values) {
    return values == null || values.length == 0 || values[0] == null ? "" : values[0].strip();
  }

  private static Set<String> values(String[] values) {
    return values == null
        ? Set.of()
        : Arrays.stream(values).filter(v -> v != null && !v.isBlank()).collect(Collectors.toSet());
  }

  private static int pageNumber(String value) {
    try {
      return value.isEmpty() ? 1 : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  public String getQuery() {
    return query.text();
  }

  public CatalogQuery getFilters() {
    return query;
  }

  public boolean isFiltered() {
    return !query.text().isEmpty()
        || !query.audiences().isEmpty()
        || query.skill() != null
        || !query.levels().isEmpty()
        || query.duration() != null;
  }

  public Page<CourseSummary> getResults() {
    return results;
  }

  public List<Facet> getSkills() {
    return skills;
  }

  public List<Facet> getAudiences() {
    return AUDIENCES;
  }

  public List<Facet> getLevels() {
    return LEVELS;
  }

  public List<Facet> getDurations() {
    return DURATIONS;
  }

  /** The address of another page of these results, with the same search and filters. */
  public String pageHref(int number) {
    var parts = new LinkedHashSet<String>();
    if (!query.text().isEmpty()) {
      parts.add("q=" + encode(query.text()));
    }
    query.audiences().stream().sorted().forEach(a -> parts.add("audience=" + encode(a)));
    if (query.skill() != null) {
      parts.add("skill=" + encode(query.skill()));
    }
    query.levels().stream().sorted().forEach(l -> parts.add("level=" + encode(l)));
    if (query.duration() != null) {
      parts.add("duration=" + encode(query.duration()));
    }
    parts.add("page=" + number);
    return "?" + String.join("&", parts);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
