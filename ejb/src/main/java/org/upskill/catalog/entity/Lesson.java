package org.upskill.catalog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A page of learning in a module, written in Markdown. */
@Entity
@Table(name = "lesson")
public class Lesson {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "module_id", nullable = false)
  private CourseModule module;

  /** The same in every version of the course: "this is the same lesson" (see V10). */
  @Column(name = "lesson_key", length = 40, updatable = false)
  private String lessonKey = java.util.UUID.randomUUID().toString();

  @Column(nullable = false)
  private int position;

  @Column(nullable = false, length = 200)
  private String title;

  /** Markdown as the trainer wrote it; rendered and sanitised only when shown. */
  @Column(name = "body_markdown", nullable = false, length = 1_000_000)
  private String bodyMarkdown;

  @Column(nullable = false)
  private int minutes;

  /** Whether completing the course needs this lesson. */
  @Column(nullable = false)
  private boolean required = true;

  /** Optimistic lock: two trainers saving the same lesson cannot overwrite each other. */
  @Version private long version;

  protected Lesson() {}

  Lesson(CourseModule module, int position, String title, String bodyMarkdown, int minutes) {
    this.module = module;
    this.position = position;
    this.title = title;
    this.bodyMarkdown = bodyMarkdown;
    this.minutes = minutes;
  }

  /** A copy of a lesson of an earlier version, for the next version's draft. */
  Lesson(CourseModule module, int position, Lesson original) {
    this(module, position, original.title, original.bodyMarkdown, original.minutes);
    this.required = original.required;
    this.lessonKey = original.lessonKey;
  }

  /** Replaces what the lesson says (a trainer's save). */
  public void rewrite(String title, String bodyMarkdown, int minutes, boolean required) {
    this.title = title;
    this.bodyMarkdown = bodyMarkdown;
    this.minutes = minutes;
    this.required = required;
  }

  /** Gives the lesson a new place in its module (the caller keeps positions unique). */
  public void moveTo(int position) {
    this.position = position;
  }

  public long getVersion() {
    return version;
  }

  public String getLessonKey() {
    return lessonKey;
  }

  public Long getId() {
    return id;
  }

  public CourseModule getModule() {
    return module;
  }

  public int getPosition() {
    return position;
  }

  public String getTitle() {
    return title;
  }

  public String getBodyMarkdown() {
    return bodyMarkdown;
  }

  public int getMinutes() {
    return minutes;
  }

  public boolean isRequired() {
    return required;
  }
}
