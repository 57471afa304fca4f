package org.upskill.catalog.boundary;

/** One choice in a catalogue filter, e.g. a skill: its code and its name. */
public record Facet(String code, String name) {}
