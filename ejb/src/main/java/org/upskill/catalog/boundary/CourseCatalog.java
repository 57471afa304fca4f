package org.upskill.catalog.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.upskill.catalog.entity.Audience;
import org.upskill.catalog.entity.Course;
import org.upskill.catalog.entity.CourseModule;
import org.upskill.catalog.entity.CourseStatus;
import org.upskill.catalog.entity.Level;
import org.upskill.catalog.entity.Pathway;
import org.upskill.catalog.entity.Skill;
import org.upskill.platform.boundary.Page;

/**
 * What learners can find in the catalogue: published courses and career pathways.
 *
 * <p>Each read runs a fixed number of SQL statements whatever the number of courses, modules or
 * lessons (no N+1): a catalogue page is one statement for the page with its total and one for the
 * skills of the courses on it; a course is one statement for the course with its outcomes, skills
 * and prerequisites and one for its modules with their lessons.
 */
@Stateless
public class CourseCatalog {

  @PersistenceContext EntityManager em;

  /** Published courses matching the query, by title, one page at a time. */
  public Page<CourseSummary> search(CatalogQuery query) {
    var where = new StringBuilder(" where c.status = ?1");
    List<Object> parameters = new ArrayList<>();
    parameters.add(CourseStatus.PUBLISHED.name());
    var pattern = likePattern(query.text());
    if (pattern != null) {
      var p = parameters.size() + 1;
      where
          .append(" and (lower(c.title) like ?")
          .append(p)
          .append(" or lower(c.summary) like ?")
          .append(p)
          .append(" or exists (select 1 from course_skill cs join skill s on s.id = cs.skill_id")
          .append(" where cs.course_id = c.id and lower(s.name) like ?")
          .append(p)
          .append("))");
      parameters.add(pattern);
    }
    var audiences =
        query.audiences().stream()
            .filter(a -> a.equals(Audience.NHS_STAFF.name()) || a.equals(Audience.TECH.name()))
            .collect(Collectors.toSet());
    if (!audiences.isEmpty() && audiences.size() < 2) {
      where.append(" and c.audience in (?").append(parameters.size() + 1);
      parameters.add(audiences.iterator().next());
      where.append(", ?").append(parameters.size() + 1).append(")");
      parameters.add(Audience.BOTH.name());
    }
    if (query.skill() != null) {
      where
          .append(" and exists (select 1 from course_skill cs join skill s on s.id = cs.skill_id")
          .append(" where cs.course_id = c.id and s.code = ?")
          .append(parameters.size() + 1)
          .append(")");
      parameters.add(query.skill());
    }
    var levels =
        query.levels().stream()
            .filter(l -> List.of(Level.values()).stream().anyMatch(v -> v.name().equals(l)))
            .sorted()
            .toList();
    if (!levels.isEmpty()) {
      where.append(" and c.level in (");
      for (int i = 0; i < levels.size(); i++) {
        where.append(i == 0 ? "?" : ", ?").append(parameters.size() + 1);
        parameters.add(levels.get(i));
      }
      where.append(")");
    }
    if (query.duration() != null) {
      switch (query.duration()) {
        case "short" -> where.append(" and c.duration_minutes <= 120");
        case "medium" ->
            where.append(" and c.duration_minutes > 120 and c.duration_minutes <= 240");
        case "long" -> where.append(" and c.duration_minutes > 240");
        default -> {
          // an unknown choice filters nothing
        }
      }
    }
    var sql =
        "select c.id, c.code, c.title, c.summary, c.level, c.audience, c.duration_minutes,"
            + " c.enrolment_mode, count(*) over () as total from course c"
            + where
            + " order by c.title, c.id limit "
            + query.pageSize()
            + " offset "
            + (long) (query.page() - 1) * query.pageSize();
    var select = em.createNativeQuery(sql);
    for (int i = 0; i < parameters.size(); i++) {
      select.setParameter(i + 1, parameters.get(i));
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = select.getResultList();
    long total = rows.isEmpty() ? 0 : ((Number) rows.get(0)[8]).longValue();
    var skills = skillNamesOf(rows.stream().map(r -> ((Number) r[0]).longValue()).toList());
    var items =
        rows.stream()
            .map(
                r ->
                    new CourseSummary(
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        Level.valueOf((String) r[4]).name().toLowerCase(Locale.ROOT),
                        Audience.valueOf((String) r[5]).label(),
                        ((Number) r[6]).intValue(),
                        ((String) r[7]).toLowerCase(Locale.ROOT),
                        skills.getOrDefault(((Number) r[0]).longValue(), List.of())))
            .toList();
    return new Page<>(items, query.page(), query.pageSize(), total);
  }

  /** The convenience of a text-only search. */
  public Page<CourseSummary> search(String text, int pageNumber, int pageSize) {
    return search(CatalogQuery.text(text, pageNumber, pageSize));
  }

  /** Every skill, by name: the choices of the catalogue's skill filter. */
  public List<Facet> skills() {
    return em
        .createQuery("select s from Skill s order by s.name", Skill.class)
        .getResultList()
        .stream()
        .map(s -> new Facet(s.getCode(), s.getName()))
        .toList();
  }

  /** A published course with its published outline, or empty when there is none with this code. */
  public Optional<CourseDetail> course(String code) {
    return course(code, 0);
  }

  /**
   * A published course with the outline of one of its versions ({@code 0}: the published one; a
   * learner still on an earlier version sees that version's modules and lessons).
   */
  public Optional<CourseDetail> course(String code, int version) {
    var found =
        em.createQuery(
                "select distinct c from Course c left join fetch c.outcomes"
                    + " left join fetch c.skills left join fetch c.prerequisites"
                    + " where c.code = :code and c.status = :published",
                Course.class)
            .setParameter("code", code)
            .setParameter("published", CourseStatus.PUBLISHED)
            .getResultStream()
            .findFirst();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    var course = found.get();
    var shown = version > 0 ? version : course.getContentVersion();
    var modules =
        em.createQuery(
                "select distinct m from CourseModule m left join fetch m.lessons"
                    + " where m.course.id = :course and m.courseVersion = :version"
                    + " order by m.position",
                CourseModule.class)
            .setParameter("course", course.getId())
            .setParameter("version", shown)
            .getResultList();
    var outlines = new ArrayList<CourseDetail.ModuleOutline>();
    int number = 0;
    for (var module : modules) {
      var lessons = new ArrayList<CourseDetail.LessonOutline>();
      for (var lesson : module.getLessons()) {
        lessons.add(
            new CourseDetail.LessonOutline(
                lesson.getId(), ++number, lesson.getTitle(), lesson.getMinutes()));
      }
      outlines.add(new CourseDetail.ModuleOutline(module.getTitle(), module.getSummary(), lessons));
    }
    return Optional.of(
        new CourseDetail(
            course.getId(),
            course.getCode(),
            course.getTitle(),
            course.getSummary(),
            course.getOutcomes(),
            course.getSkills().stream().map(Skill::getName).sorted().toList(),
            course.getLevel().name().toLowerCase(Locale.ROOT),
            course.getAudience().label(),
            course.getDurationMinutes(),
            course.getEnrolmentMode().name().toLowerCase(Locale.ROOT),
            course.getCapacity(),
            course.getRenewalMonths(),
            shown,
            course.getPrerequisites().stream()
                .sorted(Comparator.comparing(Course::getTitle))
                .map(p -> new CourseDetail.CourseLink(p.getCode(), p.getTitle()))
                .toList(),
            outlines));
  }

  /** Titles of published courses by code, for pages that list courses by code. */
  public Map<String, CourseDetail.CourseLink> links(List<String> codes) {
    if (codes.isEmpty()) {
      return Map.of();
    }
    Map<String, CourseDetail.CourseLink> links = new LinkedHashMap<>();
    em.createQuery("select c.code, c.title from Course c where c.code in :codes", Object[].class)
        .setParameter("codes", codes)
        .getResultList()
        .forEach(
            r ->
                links.put(
                    (String) r[0], new CourseDetail.CourseLink((String) r[0], (String) r[1])));
    return links;
  }

  /** Every career pathway, by title. */
  public List<PathwaySummary> pathways() {
    return em
        .createQuery(
            "select distinct p from Pathway p left join fetch p.skills left join fetch p.courses"
                + " order by p.title",
            Pathway.class)
        .getResultList()
        .stream()
        .map(PathwaySummary::of)
        .toList();
  }

  /** A career pathway with its courses in order, or empty when there is none with this code. */
  public Optional<PathwayDetail> pathway(String code) {
    var found =
        em.createQuery(
                "select distinct p from Pathway p left join fetch p.skills"
                    + " left join fetch p.courses where p.code = :code",
                Pathway.class)
            .setParameter("code", code)
            .getResultStream()
            .findFirst();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    var pathway = found.get();
    var courses = pathway.getCourses();
    Map<Long, List<String>> skillCodes = new HashMap<>();
    if (!courses.isEmpty()) {
      em.createQuery(
              "select c.id, s.code from Course c join c.skills s where c in :courses",
              Object[].class)
          .setParameter("courses", courses)
          .getResultList()
          .forEach(
              r ->
                  skillCodes
                      .computeIfAbsent((Long) r[0], k -> new ArrayList<>())
                      .add((String) r[1]));
    }
    return Optional.of(
        new PathwayDetail(
            pathway.getCode(),
            pathway.getTitle(),
            pathway.getSummary(),
            pathway.getDescription(),
            pathway.getSkills().stream().map(s -> new Facet(s.getCode(), s.getName())).toList(),
            courses.stream()
                .map(
                    c ->
                        new PathwayDetail.PathwayCourse(
                            c.getId(),
                            c.getCode(),
                            c.getTitle(),
                            c.getSummary(),
                            skillCodes.getOrDefault(c.getId(), List.of())))
                .toList()));
  }

  private Map<Long, List<String>> skillNamesOf(List<Long> courseIds) {
    Map<Long, List<String>> names = new HashMap<>();
    if (courseIds.isEmpty()) {
      return names;
    }
    em.createQuery(
            "select c.id, s.name from Course c join c.skills s where c.id in :ids order by s.name",
            Object[].class)
        .setParameter("ids", courseIds)
        .getResultList()
        .forEach(
            r -> names.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((String) r[1]));
    return names;
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
