package org.upskill.assessment.control;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a learner answered to one question, whatever its type: the options chosen, the text typed,
 * the order given, or the pairs matched. Parts a question type does not use stay empty.
 */
public record Answer(
    Set<String> choices, String text, List<String> sequence, Map<String, String> matches) {

  public static final Answer EMPTY = new Answer(Set.of(), null, List.of(), Map.of());

  public Answer {
    choices = choices == null ? Set.of() : Set.copyOf(choices);
    sequence = sequence == null ? List.of() : List.copyOf(sequence);
    matches = matches == null ? Map.of() : Map.copyOf(matches);
  }

  public static Answer choices(String... ids) {
    return new Answer(Set.of(ids), null, List.of(), Map.of());
  }

  public static Answer text(String text) {
    return new Answer(Set.of(), text, List.of(), Map.of());
  }

  public static Answer sequence(String... ids) {
    return new Answer(Set.of(), null, List.of(ids), Map.of());
  }

  public static Answer matches(Map<String, String> pairs) {
    return new Answer(Set.of(), null, List.of(), pairs);
  }

  /** Whether the learner gave anything at all. */
  public boolean isBlank() {
    return choices.isEmpty()
        && (text == null || text.isBlank())
        && sequence.isEmpty()
        && matches.isEmpty();
  }
}
