/**
 * The catalogue: courses, their modules and lessons, pathways, skills and media; finding courses
 * ({@code CourseCatalog}), authoring them ({@code CourseAuthoring}, {@code LessonAuthoring}, {@code
 * MediaLibrary}, who may change which course in {@code CourseAccess}) and versions ({@code
 * CoursePublishing}: publish, start, discard and compare versions). The parts of a version that
 * other components own (quizzes) come in through {@code CourseActivities}. Tables {@code course},
 * {@code course_module}, {@code lesson}, {@code course_owner}, {@code course_publication}, {@code
 * course_outcome}, {@code course_prerequisite}, {@code course_skill}, {@code pathway}, {@code
 * pathway_course}, {@code pathway_skill}, {@code skill}, {@code media}.
 *
 * <p>Uses platform and people.
 *
 * <p>Each component has {@code boundary} (the EJBs and records other components and the web and API
 * tiers call), {@code control} (its own helpers) and {@code entity} (its JPA entities and value
 * types); {@code docs/architecture.md} draws the allowed dependencies and {@code ArchitectureTest}
 * enforces them.
 */
package org.upskill.catalog;
