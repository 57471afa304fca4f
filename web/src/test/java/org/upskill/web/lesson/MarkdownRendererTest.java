package org.upskill.web.lesson;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
