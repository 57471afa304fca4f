package org.upskill.web.catalogue;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.upskill.catalog.boundary.CourseCatalog;
import org.upskill.catalog.boundary.CourseSummary;
import org.upskill.platform.boundary.Page;

/**
 * The course catalogue on the home page: a plain GET search form and numbered pages, so it works
 * without JavaScript and every result page has its own address.
 */
@Named
@RequestScoped
public class Catalogue {

  static final int PAGE_SIZE = 10;

  @Inject CourseCatalog catalog;
  @Inject ExternalContext externalContext;

  private String query;
  private Page<CourseSummary> results;

  @PostConstruct
  void search() {
    var params = externalContext.getRequestParameterMap();
    query = params.getOrDefault("q", "").strip();
    if (query.length() > 100) {
      query = query.substring(0, 100);
    }
    results = catalog.search(query, pageNumber(params.get("page")), PAGE_SIZE);
  }

  private static int pageNumber(String value) {
    try {
      return value == null ? 1 : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  public String getQuery() {
    return query;
  }

  public Page<CourseSummary> getResults() {
    return results;
  }

  /** The address of another page of these results. */
  public String pageHref(int number) {
    var href = "?page=" + number;
    return query.isEmpty() ? href : href + "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  /** Skills and the like as one line of text. */
  public String list(java.util.List<String> values) {
    return String.join(", ", values);
  }

  /** "3 hours 30 minutes" rather than "210". */
  public String duration(int minutes) {
    int hours = minutes / 60;
    int rest = minutes % 60;
    var text = new StringBuilder();
    if (hours > 0) {
      text.append(hours).append(hours == 1 ? " hour" : " hours");
    }
    if (rest > 0) {
      if (!text.isEmpty()) {
        text.append(' ');
      }
      text.append(rest).append(rest == 1 ? " minute" : " minutes");
    }
    return text.isEmpty() ? "under a minute" : text.toString();
  }
}
