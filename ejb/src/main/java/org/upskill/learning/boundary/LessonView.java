package org.upskill.learning.boundary;

/**
 * One lesson as a learner reads it, with its place in the course.
 *
 * @param number the lesson's place in the whole course, from 1
 * @param previous the previous lesson's number, 0 when this is the first
 * @param next the next lesson's number, 0 when this is the last
 */
public record LessonView(
    String courseCode,
    String courseTitle,
    String moduleTitle,
    long lessonId,
    int number,
    int lessonCount,
    String title,
    String markdown,
    int minutes,
    boolean completed,
    int previous,
    int next,
    Progress progress) {}
