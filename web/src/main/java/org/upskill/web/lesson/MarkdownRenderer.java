package org.upskill.web.lesson;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Turns a lesson's Markdown into HTML that is safe to show: commonmark-java renders it (raw HTML in
 * the Markdown is escaped, not passed through), then the OWASP Java HTML Sanitizer keeps only the
 * elements and attributes a lesson needs. Trainers' previews use the same renderer.
 *
 * <p>A code block scrolls sideways when its lines are longer than the page is wide, so it must be
 * reachable and named for people using a keyboard or a screen reader (axe-core's {@code
 * scrollable-region-focusable}): {@link CodeBlocks} gives every {@code <pre>} the renderer writes
 * {@code tabindex="0"}, {@code role="region"} and a label naming its language when the Markdown
 * says it. A table, which may be wider than a phone, sits in a region of its own that scrolls
 * sideways in the same way ({@link ScrollingTables}), named "Table 1", "Table 2"…, as the site's
 * other tables are.
 */
@ApplicationScoped
public class MarkdownRenderer {

  private static final List<org.commonmark.Extension> EXTENSIONS =
      List.of(TablesExtension.create());

  private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

  /** The languages a code block may name, and what its label calls them. */
  static final Map<String, String> LANGUAGES =
      Map.of("python", "Python", "r", "R", "sql", "SQL", "json", "JSON");

  /** The label of a code block in a language that is not one of {@link #LANGUAGES}, or none. */
  static final String CODE_LABEL = "Code example";

  private final HtmlRenderer renderer =
      HtmlRenderer.builder()
          .escapeHtml(true)
          .attributeProviderFactory(context -> new CodeBlocks())
          // before the extensions: the first renderer for a node type wins
          .nodeRendererFactory(ScrollingTables::new)
          .extensions(EXTENSIONS)
          .build();

  /** The class of the region a table scrolls in, as on the site's other pages. */
  static final String SCROLL_REGION = "upskill-scroll-region";

  /**
   * Writes each table inside a focusable region named "Table n" that scrolls sideways, then the
   * table as the tables extension would (its head and body are still rendered by the extension).
   */
  static final class ScrollingTables implements NodeRenderer {
    private final HtmlNodeRendererContext context;
    private int tables;

    ScrollingTables(HtmlNodeRendererContext context) {
      this.context = context;
    }

    @Override
    public java.util.Set<Class<? extends Node>> getNodeTypes() {
      return java.util.Set.of(TableBlock.class);
    }

    @Override
    public void render(Node node) {
      var html = context.getWriter();
      tables++;
      html.line();
      html.tag(
          "div",
          Map.of(
              "class",
              SCROLL_REGION,
              "role",
              "region",
              "tabindex",
              "0",
              "aria-label",
              "Table " + tables));
      html.tag("table", context.extendAttributes(node, "table", Map.of()));
      for (var child = node.getFirstChild(); child != null; child = child.getNext()) {
        context.render(child);
      }
      html.tag("/table");
      html.tag("/div");
      html.line();
    }
  }

  /** Makes each code block's {@code <pre>} a named region the keyboard can reach and scroll. */
  static final class CodeBlocks implements AttributeProvider {
    @Override
    public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
      if (!"pre".equals(tagName)
          || !(node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock)) {
        return;
      }
      attributes.put("tabindex", "0");
      attributes.put("role", "region");
      attributes.put("aria-label", label(node));
    }

    private static String label(Node node) {
      if (node instanceof FencedCodeBlock fenced && fenced.getInfo() != null) {
        var words = fenced.getInfo().strip().split("\\s+", 2);
        var language = LANGUAGES.get(words[0].toLowerCase(java.util.Locale.ROOT));
        if (language != null) {
          return language + " code example";
        }
      }
      return CODE_LABEL;
    }
  }

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
          // Only the values CodeBlocks writes (raw HTML in the Markdown never gets this far).
          .allowAttributes("tabindex")
          .matching(false, "0")
          .onElements("pre")
          .allowAttributes("role")
          .matching(false, "region")
          .onElements("pre")
          .allowAttributes("aria-label")
          .matching(false, codeLabels())
          .onElements("pre")
          // The region a table scrolls in, as ScrollingTables writes it.
          .allowElements("div")
          .allowAttributes("class")
          .matching(false, SCROLL_REGION)
          .onElements("div")
          .allowAttributes("role")
          .matching(false, "region")
          .onElements("div")
          .allowAttributes("tabindex")
          .matching(false, "0")
          .onElements("div")
          .allowAttributes("aria-label")
          .matching(java.util.regex.Pattern.compile("Table [1-9][0-9]{0,3}"))
          .onElements("div")
          .toFactory();

  private static String[] codeLabels() {
    var labels = new java.util.ArrayList<String>();
    labels.add(CODE_LABEL);
    LANGUAGES.values().forEach(language -> labels.add(language + " code example"));
    return labels.toArray(String[]::new);
  }

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
