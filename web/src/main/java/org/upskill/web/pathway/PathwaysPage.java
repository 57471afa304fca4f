package org.upskill.web.pathway;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.upskill.catalog.boundary.CourseCatalog;
import org.upskill.catalog.boundary.PathwaySummary;

/** Every career pathway ({@code /pathways}). */
@Named
@RequestScoped
public class PathwaysPage {

  @Inject CourseCatalog catalog;

  private List<PathwaySummary> pathways;

  @PostConstruct
  void load() {
    pathways = catalog.pathways();
  }

  public List<PathwaySummary> getPathways() {
    return pathways;
  }
}
