package org.upskill.web.learning;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.upskill.catalog.boundary.CourseCatalog;
import org.upskill.catalog.boundary.CourseDetail;
import org.upskill.enrolment.boundary.Enrolments;
import org.upskill.enrolment.boundary.MyCourse;
import org.upskill.learning.boundary.Learning;
import org.upskill.learning.boundary.Progress;
import org.upskill.web.platform.Viewer;

/**
 * My learning ({@code /my-learning}): courses in progress with a resume link, completed courses,
 * places waited for, and what to take next on the pathways the learner is following.
 */
@Named
@RequestScoped
public class MyLearningPage {

  @Inject Enrolments enrolments;
  @Inject Learning learning;
  @Inject CourseCatalog catalog;
  @Inject Viewer viewer;

  private List<MyCourse> courses = List.of();
  private Map<Long, Progress> progress = Map.of();
  private Map<Long, Integer> resume = Map.of();
  private List<String> promotions = List.of();
  private final List<Recommendation> recommendations = new ArrayList<>();

  /** A course to take next, and the pathway that suggests it. */
  public record Recommendation(String courseCode, String courseTitle, String pathwayTitle) {}

  public void load() {
    if (!viewer.requireSignIn()) {
      return;
    }
    var personId = viewer.personId();
    promotions = enrolments.takePromotionNotices(personId);
    courses = enrolments.coursesOf(personId);
    var studying =
        courses.stream()
            .filter(c -> "enrolled".equals(c.state()) || "completed".equals(c.state()))
            .toList();
    progress =
        learning.progressByCourse(personId, studying.stream().map(MyCourse::courseId).toList());
    Map<Long, Long> last = new HashMap<>();
    studying.forEach(c -> last.put(c.courseId(), c.lastLessonId()));
    resume = learning.resumeNumbers(last);
    recommend();
  }

  private void recommend() {
    Set<String> taken = courses.stream().map(MyCourse::courseCode).collect(Collectors.toSet());
    Map<String, String> next = new LinkedHashMap<>();
    for (var pathway : catalog.pathways()) {
      var codes = pathway.courseCodes();
      var following = codes.stream().anyMatch(taken::contains);
      if (!following) {
        continue;
      }
      codes.stream()
          .filter(code -> !taken.contains(code))
          .findFirst()
          .ifPresent(code -> next.putIfAbsent(code, pathway.title()));
    }
    Map<String, CourseDetail.CourseLink> links = catalog.links(List.copyOf(next.keySet()));
    next.forEach(
        (code, pathway) -> {
          var link = links.get(code);
          if (link != null) {
            recommendations.add(new Recommendation(code, link.title(), pathway));
          }
        });
  }

  private List<MyCourse> inState(String... states) {
    var wanted = Set.of(states);
    return courses.stream().filter(c -> wanted.contains(c.state())).toList();
  }

  public List<MyCourse> getInProgress() {
    return inState("enrolled");
  }

  public List<MyCourse> getCompleted() {
    return inState("completed");
  }

  public List<String> getCompletedHeadings() {
    return List.of("Course", "Completed on");
  }

  public List<MyCourse> getWaiting() {
    return inState("requested", "waitlisted");
  }

  public List<String> getPromotions() {
    return promotions;
  }

  public List<Recommendation> getRecommendations() {
    return recommendations;
  }

  public Progress progressOf(long courseId) {
    return progress.getOrDefault(courseId, new Progress(0, 0));
  }

  public int resumeOf(long courseId) {
    return resume.getOrDefault(courseId, 1);
  }
}
