package org.upskill.catalog.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A part of a course ("module" in Moodle's sense): an ordered list of lessons. */
@Entity
@Table(name = "course_module")
public class CourseModule {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "course_id", nullable = false)
  private Course course;

  /** The version of the course this module belongs to. */
  @Column(name = "course_version", nullable = false, updatable = false)
  private int courseVersion = 1;

  @Column(nullable = false)
  private int position;

  @Column(nullable = false, length = 200)
  private String title;

  @Column(length = 1000)
  private String summary;

  @OneToMany(mappedBy = "module", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<Lesson> lessons = new ArrayList<>();

  protected CourseModule() {}

  CourseModule(Course course, int courseVersion, int position, String title, String summary) {
    this.course = course;
    this.courseVersion = courseVersion;
    this.position = position;
    this.title = title;
    this.summary = summary;
  }

  /** Adds a lesson at the end of this module. */
  public Lesson addLesson(String title, String bodyMarkdown, int minutes) {
    var lesson = new Lesson(this, lessons.size() + 1, title, bodyMarkdown, minutes);
    lessons.add(lesson);
    return lesson;
  }

  /** Adds a copy of a lesson of an earlier version, with the same key, at the end. */
  public Lesson copyLesson(Lesson original) {
    var lesson = new Lesson(this, lessons.size() + 1, original);
    lessons.add(lesson);
    return lesson;
  }

  /** Removes a lesson from this module (the caller closes the gap in positions). */
  public void removeLesson(Lesson lesson) {
    lessons.remove(lesson);
  }

  /** Gives the module a new place in its course (the caller keeps positions unique). */
  public void moveTo(int position) {
    this.position = position;
  }

  /** Changes the module's title and summary. */
  public void rename(String title, String summary) {
    this.title = title;
    this.summary = summary;
  }

  public Long getId() {
    return id;
  }

  public Course getCourse() {
    return course;
  }

  public int getCourseVersion() {
    return courseVersion;
  }

  public int getPosition() {
    return position;
  }

  public String getTitle() {
    return title;
  }

  public String getSummary() {
    return summary;
  }

  public List<Lesson> getLessons() {
    return List.copyOf(lessons);
  }
}
