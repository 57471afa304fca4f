package org.upskill.web.lesson;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Turns a lesson's Markdown into HTML that is safe to show: commonmark-java renders it (raw HTML in
 * the Markdown is escaped, not passed through), then the OWASP Java HTML Sanitizer keeps only the
 * elements and attributes a lesson needs. Trainers' previews use the same renderer.
 */
@ApplicationScoped
public class MarkdownRenderer {

  private static final List<org.commonmark.Extension> EXTENSIONS =
      List.of(TablesExtension.create());

  private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
  private final HtmlRenderer renderer =
      HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build();

  /** Images only from this site (uploads live under /media/); links only http(s) and mailto. */
  static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements(
              "h2",
              "h3",
              "h4",
              "h5",
              "h6",
              "p",
              "ul",
              "ol",
              "li",
              "strong",
              "em",
              "code",
              "pre",
              "blockquote",
              "hr",
              "br",
              "table",
              "thead",
              "tbody",
              "tr",
              "th",
              "td",
              "a",
              "img")
          .allowAttributes("href")
          .onElements("a")
          .allowStandardUrlProtocols()
          .requireRelNofollowOnLinks()
          .allowAttributes("src")
          .matching(java.util.regex.Pattern.compile("/media/[A-Za-z0-9_-]{43}"))
          .onElements("img")
          .allowAttributes("alt", "title")
          .onElements("img")
          .allowUrlProtocols("http", "https", "mailto")
          .allowAttributes("class")
          .matching(false, "language-python", "language-r", "language-sql", "language-json")
          .onElements("code")
          .allowAttributes("align")
          .onElements("th", "td")
          .toFactory();

  private static final java.util.regex.Pattern IMAGE_WITHOUT_SOURCE =
      java.util.regex.Pattern.compile("<img(?![^>]*\\ssrc=)[^>]*>");

  /** Safe HTML for the Markdown; {@code h1} is reserved for the page and becomes {@code h2}. */
  public String toSafeHtml(String markdown) {
    var html = renderer.render(parser.parse(markdown == null ? "" : markdown));
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>");
    // An image whose address the policy dropped would show as a broken picture: drop it too.
    return IMAGE_WITHOUT_SOURCE.matcher(POLICY.sanitize(html)).replaceAll("");
  }

  /**
   * Renders one short piece of Markdown (a question or an option) as safe HTML that can sit inside
   * a label or legend: a single paragraph loses its {@code <p>} wrapper.
   */
  public String toSafeInlineHtml(String markdown) {
    var html = toSafeHtml(markdown).strip();
    if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 3) < 0) {
      return html.substring(3, html.length() - 4);
    }
    return html;
  }
}
