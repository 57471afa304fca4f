package org.upskill.catalog.boundary;

/** What a trainer writes for a lesson: its title, Markdown body, expected minutes, required. */
public record LessonDraft(String title, String markdown, int minutes, boolean required) {}
