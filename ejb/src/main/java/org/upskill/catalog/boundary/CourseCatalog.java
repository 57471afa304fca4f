package org.upskill.catalog.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import org.upskill.catalog.entity.Course;
import org.upskill.catalog.entity.CourseStatus;
import org.upskill.catalog.entity.Pathway;
import org.upskill.platform.boundary.Page;

/** What learners can find in the catalogue: published courses and career pathways. */
@Stateless
public class CourseCatalog {

  static final int MAX_PAGE_SIZE = 100;

  @PersistenceContext EntityManager em;

  /**
   * Published courses whose title, summary or skills contain the words searched for, by title.
   *
   * @param text words to look for; blank lists every published course
   * @param pageNumber the page, counting from 1
   * @param pageSize between 1 and 100
   */
  public Page<CourseSummary> search(String text, int pageNumber, int pageSize) {
    var size = Math.max(1, Math.min(pageSize, MAX_PAGE_SIZE));
    var number = Page.clampNumber(pageNumber);
    var pattern = likePattern(text);
    var where =
        " where c.status = :published and (:pattern is null or lower(c.title) like :pattern"
            + " or lower(c.summary) like :pattern"
            + " or exists (select s from c.skills s where lower(s.name) like :pattern))";
    var total =
        em.createQuery("select count(c) from Course c" + where, Long.class)
            .setParameter("published", CourseStatus.PUBLISHED)
            .setParameter("pattern", pattern)
            .getSingleResult();
    var courses =
        em.createQuery("select c from Course c" + where + " order by c.title, c.id", Course.class)
            .setParameter("published", CourseStatus.PUBLISHED)
            .setParameter("pattern", pattern)
            .setFirstResult((number - 1) * size)
            .setMaxResults(size)
            .getResultList();
    return new Page<>(courses.stream().map(CourseSummary::of).toList(), number, size, total);
  }

  /** Every career pathway, by title. */
  public List<PathwaySummary> pathways() {
    return em
        .createQuery("select p from Pathway p order by p.title", Pathway.class)
        .getResultList()
        .stream()
        .map(PathwaySummary::of)
        .toList();
  }

  static String likePattern(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    var escaped =
        text.strip()
            .toLowerCase(Locale.ROOT)
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_");
    return "%" + escaped + "%";
  }
}
