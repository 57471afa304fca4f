package org.upskill.web.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

  private final MarkdownRenderer renderer = new MarkdownRenderer();

  @Test
  void rendersTheMarkdownALessonUses() {
    var html =
        renderer.toSafeHtml(
            "## Variables\n\nA **name** for a value.\n\n```python\nprint(1)\n```\n\n"
                + "| a | b |\n|---|---|\n| 1 | 2 |\n");

    assertTrue(html.contains("<h2>Variables</h2>"), html);
    assertTrue(html.contains("<strong>name</strong>"), html);
    assertTrue(html.contains("<code class=\"language-python\">"), html);
    assertTrue(html.contains("<table>"), html);
  }

  @Test
  void eachTableScrollsInANamedRegionTheKeyboardCanReach() {
    var html =
        renderer.toSafeHtml("| a | b |\n|---|---|\n| 1 | 2 |\n\nText.\n\n| c |\n|---|\n| 3 |\n");

    var regions = Pattern.compile("<div ([^>]*)><table>").matcher(html).results().toList();
    assertEquals(2, regions.size(), html);
    for (int i = 0; i < 2; i++) {
      assertEquals(
          new TreeSet<>(
              Set.of(
                  "class=\"upskill-scroll-region\"",
                  "role=\"region\"",
                  "tabindex=\"0\"",
                  "aria-label=\"Table " + (i + 1) + "\"")),
          new TreeSet<>(Set.of(regions.get(i).group(1).split(" (?=[a-z-]+=)"))),
          html);
    }
    assertTrue(html.contains("<td>3</td></tr></tbody></table></div>"), html);
    // Written in the Markdown by hand, the same region is escaped, not kept
    var typed = renderer.toSafeHtml("<div class=\"upskill-scroll-region\" tabindex=\"0\">x</div>");
    assertFalse(typed.contains("<div"), typed);
  }

  @Test
  void codeBlocksAreNamedRegionsTheKeyboardCanReach() {
    var html =
        renderer.toSafeHtml(
            "```python\nprint('a line longer than the page')\n```\n\n"
                + "```\nplain\n```\n\n"
                + "    indented\n\n"
                + "```cobol\nDISPLAY 'HI'.\n```\n\nSome `inline` code.");

    assertTrue(
        html.contains(
            "<pre tabindex=\"0\" role=\"region\" aria-label=\"Python code example\">"
                + "<code class=\"language-python\">"),
        html);
    var pre = Pattern.compile("<pre([^>]*)>").matcher(html);
    var labels = new java.util.ArrayList<String>();
    while (pre.find()) {
      assertTrue(pre.group(1).contains(" tabindex=\"0\""), pre.group());
      assertTrue(pre.group(1).contains(" role=\"region\""), pre.group());
      var label = Pattern.compile("aria-label=\"([^\"]+)\"").matcher(pre.group(1));
      assertTrue(label.find(), pre.group());
      labels.add(label.group(1));
    }
    assertEquals(
        java.util.List.of("Python code example", "Code example", "Code example", "Code example"),
        labels,
        html);
    assertTrue(html.contains("<code>inline</code>"), "inline code is no region: " + html);
  }

  @Test
  void onlyCodeBlocksAndTablesBecomeRegions() {
    var html =
        renderer
            .toSafeHtml(
                "A paragraph.\n\n> A quote\n\n| a |\n|---|\n| 1 |\n\n"
                    + "[x](https://www.nhs.uk/)\n\n- item")
            .replaceFirst("<div [^>]*aria-label=\"Table 1\"[^>]*><table>", "<table>");

    assertFalse(html.contains("tabindex"), html);
    assertFalse(html.contains("role="), html);
    assertFalse(html.contains("aria-label"), html);
  }

  @Test
  void thePolicyKeepsOnlyTheRenderersOwnCodeBlockAttributes() {
    var html =
        MarkdownRenderer.POLICY.sanitize(
            "<pre tabindex=\"-1\" role=\"button\" aria-label=\"Click me\">x</pre>"
                + "<p tabindex=\"0\" role=\"region\" aria-label=\"Code example\">y</p>");

    assertEquals("<pre>x</pre><p>y</p>", html);
  }

  @Test
  void rawHtmlAndScriptsNeverReachThePage() {
    var html =
        renderer.toSafeHtml(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n"
                + "[click](javascript:alert(3))\n\n# Title");

    assertFalse(html.contains("<script"), html);
    assertFalse(html.contains("<img"), "raw HTML is shown as text, not run: " + html);
    assertTrue(html.contains("&lt;script&gt;"), html);
    assertFalse(html.contains("javascript:"), html);
    assertFalse(html.contains("<h1>"), "h1 is the page's own heading: " + html);
  }

  @Test
  void linksAreKeptButMarkedNofollow() {
    var html = renderer.toSafeHtml("[NHS](https://www.nhs.uk/)");

    assertTrue(html.contains("href=\"https://www.nhs.uk/\""), html);
    assertTrue(html.contains("rel=\"nofollow\""), html);
  }

  @Test
  void theHostileCorpusLeavesOnlyHarmlessElementsAttributesAndAddresses() throws IOException {
    String corpus;
    try (var in = getClass().getResourceAsStream("/hostile-lesson.md")) {
      corpus = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    var html = renderer.toSafeHtml(corpus);

    var elements = new TreeSet<String>();
    var tag = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)").matcher(html);
    while (tag.find()) {
      elements.add(tag.group(1).toLowerCase());
    }
    var allowed = Set.of("h2", "p", "a", "img", "code", "pre");
    assertTrue(allowed.containsAll(elements), "elements " + elements + " in " + html);

    var attribute = Pattern.compile("\\s([a-zA-Z:-]+)=\"([^\"]*)\"").matcher(html);
    var addresses = 0;
    while (attribute.find()) {
      var name = attribute.group(1).toLowerCase();
      var value = attribute.group(2);
      assertTrue(
          Set.of("href", "src", "alt", "title", "rel", "class", "tabindex", "role", "aria-label")
              .contains(name),
          "attribute " + name + " in " + html);
      if (Set.of("tabindex", "role", "aria-label").contains(name)) {
        assertTrue(
            Set.of("0", "region", "Code example", "Python code example").contains(value),
            name + "=" + value + " in " + html);
      }
      if (name.equals("href") || name.equals("src")) {
        addresses++;
        // An absolute address is http(s) or mailto; anything else must be relative (no scheme).
        var scheme = Pattern.compile("^\\s*([a-zA-Z][a-zA-Z0-9+.-]*):").matcher(value);
        assertTrue(
            !value.isBlank() && (!scheme.find() || scheme.group(1).matches("(?i)https?|mailto")),
            name + "=" + value + " in " + html);
      }
    }
    assertTrue(
        html.contains("href=\"https://www.england.nhs.uk/\""), "the safe link survives: " + html);
    assertTrue(addresses >= 1, html);
    assertTrue(html.contains("&lt;script&gt;"), "raw HTML is shown as text: " + html);
  }

  @Test
  void imagesOnlyFromThisSitesMediaAddresses() {
    var key = "a".repeat(43);
    var html =
        renderer.toSafeHtml(
            "![ok](/media/"
                + key
                + ")\n\n![far](https://example.org/x.png)\n\n"
                + "![near](/media/../../admin)");
    assertTrue(html.contains("<img src=\"/media/" + key + "\" alt=\"ok\" />"), html);
    assertFalse(html.contains("example.org"), html);
    assertFalse(html.contains("admin"), html);
    assertEquals(1, html.split("<img", -1).length - 1, "no broken images left: " + html);
  }
}
