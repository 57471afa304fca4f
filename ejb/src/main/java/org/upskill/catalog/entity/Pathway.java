package org.upskill.catalog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A career pathway: a role in AI for healthcare (data scientist, clinical informatician…), the
 * skills it needs and the courses, in order, that lead there.
 */
@Entity
@Table(name = "pathway")
public class Pathway {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 50, updatable = false)
  private String code;

  @Column(nullable = false, length = 200)
  private String title;

  @Column(nullable = false, length = 1000)
  private String summary;

  @Column(nullable = false, length = 1_000_000)
  private String description;

  @ManyToMany
  @JoinTable(
      name = "pathway_skill",
      joinColumns = @JoinColumn(name = "pathway_id"),
      inverseJoinColumns = @JoinColumn(name = "skill_id"))
  @OrderBy("name")
  private Set<Skill> skills = new LinkedHashSet<>();

  @ManyToMany
  @JoinTable(
      name = "pathway_course",
      joinColumns = @JoinColumn(name = "pathway_id"),
      inverseJoinColumns = @JoinColumn(name = "course_id"))
  @OrderColumn(name = "position")
  private List<Course> courses = new ArrayList<>();

  protected Pathway() {}

  public Pathway(String code, String title, String summary, String description) {
    this.code = code;
    this.title = title;
    this.summary = summary;
    this.description = description;
  }

  public void addSkill(Skill skill) {
    skills.add(skill);
  }

  /** Appends a course to the route; a course appears at most once. */
  public void addCourse(Course course) {
    if (courses.contains(course)) {
      throw new IllegalArgumentException(course.getCode() + " is already on pathway " + code);
    }
    courses.add(course);
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getTitle() {
    return title;
  }

  public String getSummary() {
    return summary;
  }

  public String getDescription() {
    return description;
  }

  public Set<Skill> getSkills() {
    return Collections.unmodifiableSet(skills);
  }

  public List<Course> getCourses() {
    return List.copyOf(courses);
  }
}
