package org.upskill.api.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.upskill.api.problem.InvalidInput;

class StrictJsonTest {

  record Item(String person, String course, String dueDate) {}

  record Batch(List<Item> items) {}

  record Responses(
      Integer sequence, Map<String, org.upskill.assessment.control.Answer> responses) {}

  record Subscription(String url, String secret, List<String> eventTypes) {}

  private static Map<String, String> refusal(String json, Class<?> type) {
    return assertThrows(InvalidInput.class, () -> StrictJson.check(json, type)).errors();
  }

  @Test
  void aBodyOfTheRightShapePasses() {
    StrictJson.check(
        "{\"items\":[{\"person\":\"a@nhs.net\",\"course\":\"PY-CLIN\",\"dueDate\":null}]}",
        Batch.class);
    StrictJson.check(
        "  {\"url\":\"https://x\",\"secret\":\"s\",\"eventTypes\":[\"*\"]}\n", Subscription.class);
  }

  @Test
  void trailingTextAfterTheValueIsRefused() {
    var errors = refusal("{\"items\":[]} xyz", Batch.class);
    assertTrue(
        errors.get("body").startsWith("Send one JSON value and nothing after it"),
        errors::toString);
    assertTrue(refusal("{} {}", Subscription.class).containsKey("body"));
  }

  @Test
  void unknownMembersAreNamedWhereTheyAre() {
    assertEquals(
        Map.of("colour", "Unknown member. Known ones: url, secret, eventTypes."),
        refusal("{\"url\":\"https://x\",\"colour\":\"red\"}", Subscription.class));
    var errors =
        refusal(
            "{\"items\":[{\"person\":\"p\"},{\"person\":\"q\",\"due\":\"2027-01-01\"}]}",
            Batch.class);
    assertEquals(List.of("items[1].due"), List.copyOf(errors.keySet()));
  }

  @Test
  void duplicateMembersAreNamed() {
    assertEquals(
        List.of("url"),
        List.copyOf(
            refusal("{\"url\":\"https://a\",\"url\":\"https://b\"}", Subscription.class).keySet()));
    assertEquals(
        List.of("items[0].person"),
        List.copyOf(
            refusal("{\"items\":[{\"person\":\"p\",\"person\":\"q\"}]}", Batch.class).keySet()));
  }

  @Test
  void membersOfTheWrongTypeAreNamed() {
    var errors =
        refusal("{\"url\":[\"https://x\"],\"eventTypes\":\"*\",\"secret\":7}", Subscription.class);
    assertEquals("Expected a string.", errors.get("url"));
    assertEquals("Expected a list.", errors.get("eventTypes"));
    assertEquals("Expected a string.", errors.get("secret"));
    assertEquals("Expected an object.", refusal("[1,2]", Subscription.class).get("body"));
  }

  @Test
  void mapsSetsAndWholeNumbersAreChecked() {
    var errors =
        refusal(
            "{\"sequence\":1e3,\"responses\":{\"1\":{\"choices\":[\"a\",null],\"colour\":1},\"2\":null}}",
            Responses.class);
    assertEquals(
        Map.of(
            "sequence", "Expected a whole number from -2147483647 to 2147483647.",
            "responses.1.choices[1]", "Expected a value, not null.",
            "responses.1.colour", "Unknown member. Known ones: choices, text, sequence, matches.",
            "responses.2", "Expected a value, not null."),
        errors);
    assertTrue(refusal("{\"sequence\":3000000000}", Responses.class).containsKey("sequence"));
    StrictJson.check(
        "{\"sequence\":3,\"responses\":{\"1\":{\"matches\":{\"a\":\"b\"},\"text\":\"x\"}}}",
        Responses.class);
  }

  @Test
  void deepNestingIsRefusedBeforeAnythingReadsIt() {
    var deep = "{\"responses\":" + "[".repeat(1000) + "]".repeat(1000) + "}";
    assertTrue(refusal(deep, Subscription.class).get("body").startsWith("Nested deeper than"));
    var errors = refusal(deep, Responses.class);
    assertTrue(errors.get("body").startsWith("Nested deeper than"), errors::toString);
  }

  @Test
  void longNumbersAndBrokenJsonAreRefused() {
    assertTrue(
        refusal("{\"sequence\":1" + "0".repeat(200) + "}", Responses.class)
            .get("body")
            .startsWith("A number longer than"));
    assertTrue(refusal("{\"url\":", Subscription.class).get("body").startsWith("Not valid JSON"));
  }

  @Test
  void onlyUtf8IsRead() throws Exception {
    var refused =
        assertThrows(
            InvalidInput.class,
            () ->
                StrictJson.text(
                    "EBCDIC", new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8))));
    assertEquals(415, refused.status());
    assertEquals(
        "{}",
        StrictJson.text("UTF-8", new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8))));
    var latin1 = new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xe9, '"', '}'};
    assertEquals(
        400,
        assertThrows(
                InvalidInput.class, () -> StrictJson.text(null, new ByteArrayInputStream(latin1)))
            .status());
    var tooLarge = new byte[StrictJson.MAX_BYTES + 1];
    assertEquals(
        413,
        assertThrows(
                InvalidInput.class, () -> StrictJson.text(null, new ByteArrayInputStream(tooLarge)))
            .status());
  }
}
