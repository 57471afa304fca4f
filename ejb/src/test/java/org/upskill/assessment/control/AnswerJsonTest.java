package org.upskill.assessment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnswerJsonTest {

  @Test
  void everyPartSurvivesTheRoundTrip() {
    var answer = new Answer(Set.of("b", "a"), "twelve", List.of("c", "a"), Map.of("p1", "MRI"));
    assertEquals(answer, AnswerJson.read(AnswerJson.write(answer)));
    assertEquals(Answer.EMPTY, AnswerJson.read(AnswerJson.write(Answer.EMPTY)));
  }

  @Test
  void tamperedOrHugeAnswersAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> AnswerJson.read("{\"choices\":[1,2]}"));
    assertThrows(IllegalArgumentException.class, () -> AnswerJson.read("{\"text\":42}"));
    assertThrows(
        IllegalArgumentException.class,
        () -> AnswerJson.read("{\"text\":\"" + "x".repeat(2001) + "\"}"));
    var many = new StringBuilder("{\"choices\":[");
    for (int i = 0; i < 51; i++) {
      many.append(i == 0 ? "" : ",").append("\"o").append(i).append('"');
    }
    assertThrows(IllegalArgumentException.class, () -> AnswerJson.read(many + "]}"));
  }
}
