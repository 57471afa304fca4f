package org.upskill.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.upskill.system.support.Browser;
import org.upskill.system.support.BrowserTest;
import org.upskill.system.support.HrApi;
import org.upskill.system.support.Http;
import org.upskill.system.support.KeycloakUsers;
import org.upskill.system.support.QuizApi;
import org.upskill.system.support.Teaching;
import org.upskill.system.support.TestDatabase;
import org.upskill.system.support.Tokens;

/**
 * Every page at the widths people use: a phone (320 CSS pixels), a tablet (768) and a desktop
 * (1280). On every lesson of every demo course, and on one page of each type (learner, trainer,
 * manager and admin pages), at each width: no axe-core violation of WCAG 2.2 A/AA (which includes
 * scrolling regions that the keyboard cannot reach and targets under 24 pixels), nothing wider than
 * the window (the page itself never scrolls sideways), no word broken in the middle in a key
 * column, table heading, label, button or tag, and a screenshot of each page type to look at
 * (ear/target/screenshots/responsive-*). All problems of a test are gathered and reported together.
 * One Chromium for the class.
 */
@ExtendWith(ArquillianExtension.class)
class ResponsiveBrowserIT extends BrowserTest {

  static final List<Integer> WIDTHS = List.of(320, 768, 1280);
  static final List<String> DEMO_COURSES =
      List.of("PY-CLIN", "GDPR-DS", "MI-ML", "STATS-CLIN", "AI-ETHICS", "CLIN-INF");

  @Override
  protected String screenshotPrefix() {
    return "responsive";
  }

  @Override
  protected boolean oneBrowserForTheClass() {
    return true;
  }

  @Test
  void everyLessonOfEveryDemoCourseWorksAtEachWidth() throws Exception {
    var learner = newPerson("rl", "learner");
    var hr = Tokens.forHrDemoClient();
    var requested = new ArrayList<Long>();
    for (var course : DEMO_COURSES) {
      var enrolled = HrApi.enrol(hr, learner.email(), course);
      assertEquals(201, enrolled.statusCode(), course + ": " + enrolled.body());
      var answer = Http.json(enrolled);
      if ("requested".equals(answer.getString("state"))) {
        requested.add(answer.getJsonNumber("id").longValue()); // Medical-imaging ML needs approval
      }
    }
    if (!requested.isEmpty()) {
      // The demo trainer approves the requests on the approvals page
      signIn("trainer", "/approvals");
      for (var enrolment : requested) {
        browser.get(url("/approvals"));
        assertTrue(clickForNotice("approve-" + enrolment).contains("approved"), "approved");
        assertEquals(
            "ENROLLED",
            TestDatabase.text("select state from enrolment where id = ?", enrolment),
            "the request is approved and has a place");
      }
    }
    signIn(learner.username(), "/my-learning");

    var problems = new ArrayList<String>();
    int visited = 0;
    int pythonLessons = 0;
    for (var course : DEMO_COURSES) {
      var count = lessonCount(course);
      pythonLessons = course.equals("PY-CLIN") ? count : pythonLessons;
      assertTrue(count > 0, course + " has lessons");
      for (int number = 1; number <= count; number++) {
        var path = "/courses/" + course + "/lessons/" + number;
        browser.get(url(path));
        if (!browser.findElements(By.id("problem-title")).isEmpty()) {
          problems.add(path + " did not open: " + browser.getTitle());
          continue;
        }
        for (var width : WIDTHS) {
          problems.addAll(check(path, width, false));
        }
        visited++;
      }
    }
    assertTrue(visited >= 40, "visited " + visited + " lessons");
    assertEquals("", String.join("\n", problems), "lessons at 320, 768 and 1280 px");

    // A code block that scrolls sideways is reached with Tab and scrolled with the arrow keys.
    width(320);
    browser.get(url("/courses/PY-CLIN/lessons/" + lessonWithScrollingCode(pythonLessons)));
    var block =
        Browser.tabTo(
            browser,
            "a code block that scrolls",
            e -> "pre".equals(e.getTagName()) && scrolls(e),
            120,
            false);
    var before = scrollLeft(block);
    Browser.press(browser, Keys.ARROW_RIGHT);
    Browser.press(browser, Keys.ARROW_RIGHT);
    // (Chromium scrolls smoothly: wait until it has moved)
    wait.withMessage("the arrow keys scroll the focused code block")
        .until(d -> scrollLeft(block) > before);
    width(1280);
  }

  @Test
  void onePageOfEachTypeWorksAtEachWidth() throws Exception {
    var person = newPerson("rp", "learner", "trainer", "manager", "admin");
    var hr = Tokens.forHrDemoClient();
    assertEquals(201, HrApi.enrol(hr, person.email(), "GDPR-DS").statusCode());
    assertEquals(201, HrApi.enrol(hr, person.email(), "STATS-CLIN").statusCode());
    var quiz = QuizApi.quizOf("GDPR-DS");
    var started = QuizApi.onTestServer().start(person.token(), quiz);
    assertEquals(201, started.statusCode(), started.body());
    var attempt = Http.json(started).getJsonNumber("id").longValue();
    signIn(person.username(), "/my-learning");

    // A draft course of the person's own, with a module and a lesson, for the authoring pages
    var draft = Teaching.newCode('R');
    Teaching.createCourse(
        browser, wait, draft, "Responsive layouts in clinical dashboards", "Pages at any width.");
    Teaching.addModule(browser, wait, draft, "Reading a dashboard on a phone");
    Teaching.addLesson(
        browser,
        wait,
        draft,
        1,
        "Tables that fit",
        "A lesson with `inline code that is rather long_for_a_phone_screen()` and a table.\n\n"
            + "| Measure | Value | Threshold |\n|---|---|---|\n| Sensitivity | 0.93 | 0.90 |\n");

    var pages = new ArrayList<String>();
    pages.addAll(
        List.of(
            "/",
            "/courses",
            "/courses?q=python",
            "/courses/GDPR-DS",
            "/courses/PY-CLIN/enrol",
            "/courses/GDPR-DS/leave",
            "/courses/GDPR-DS/quizzes/" + quiz,
            "/attempts/" + attempt,
            "/attempts/" + attempt + "/summary",
            "/pathways",
            "/my-learning",
            "/my-certificates",
            "/verify",
            "/profile",
            "/privacy",
            "/accessibility",
            "/approvals",
            "/teach",
            "/teach/new",
            "/teach/bulk-enrolments",
            "/teach/" + draft,
            "/teach/" + draft + "/modules",
            "/teach/" + draft + "/modules/1",
            "/teach/" + draft + "/modules/1/remove",
            "/teach/" + draft + "/modules/1/new-lesson",
            "/teach/" + draft + "/publish",
            "/teach/GDPR-DS",
            "/teach/GDPR-DS/modules",
            "/teach/GDPR-DS/quizzes",
            "/teach/GDPR-DS/quizzes/new",
            "/teach/GDPR-DS/quizzes/" + quiz,
            "/teach/GDPR-DS/quizzes/" + quiz + "/new-question",
            "/teach/GDPR-DS/quizzes/" + quiz + "/analysis",
            "/courses/GDPR-DS/quizzes/" + quiz + "/overrides",
            "/teach/GDPR-DS/cohort",
            "/teach/GDPR-DS/rules",
            "/manage/compliance",
            "/admin",
            "/admin/people",
            "/admin/organisations",
            "/admin/certificates",
            "/admin/webhooks",
            "/admin/requirements",
            "/admin/requirements/new",
            "/admin/audit",
            "/admin/retention"));
    // Pages whose addresses carry ids: the first such link on a page that lists them
    pages.add(firstLink("/pathways", "/pathways/[a-z0-9-]+"));
    pages.add(firstLink("/teach/" + draft + "/modules", "/teach/" + draft + "/lessons/\\d+"));
    pages.add(pages.get(pages.size() - 1) + "/remove");
    pages.add(firstLink("/admin/people", "/admin/people/\\d+"));
    pages.add(pages.get(pages.size() - 1) + "/erase");

    var problems = new ArrayList<String>();
    for (var path : pages) {
      visit(path, problems);
    }
    // The review of a submitted attempt, and the compliance page of one person
    var sequence =
        Http.json(QuizApi.onTestServer().attempt(person.token(), attempt)).getInt("sequence");
    assertEquals(
        200, QuizApi.onTestServer().submit(person.token(), attempt, sequence).statusCode());
    visit("/attempts/" + attempt + "/review", problems);
    // The draft published: its version and its course page
    Teaching.publish(browser, wait, draft);
    visit("/teach/" + draft + "/versions/1", problems);
    visit("/courses/" + draft, problems);
    // (and, where the demo data has them, a requirement, a team member, a certificate)
    for (var listed :
        List.of(
            List.of("/admin/requirements", "/admin/requirements/\\d+"),
            List.of("/manage/compliance", "/manage/compliance/people/\\d+"),
            List.of("/my-certificates", "/verify/[A-Za-z0-9-]+"))) {
      var link = firstLinkOrNull(listed.get(0), listed.get(1));
      if (link != null) {
        visit(link, problems);
      }
    }
    assertEquals("", String.join("\n", problems), "page types at 320, 768 and 1280 px");
  }

  /** Opens a page; at each width, checks it and takes a screenshot; gathers the problems. */
  void visit(String path, List<String> problems) {
    browser.get(url(path));
    if (!browser.findElements(By.id("problem-title")).isEmpty()) {
      problems.add(path + " did not open: " + browser.getTitle());
      return;
    }
    for (var width : WIDTHS) {
      problems.addAll(check(path, width, true));
    }
  }

  /**
   * The problems of the current page at this width: axe-core's WCAG 2.2 A/AA violations, anything
   * that makes the page wider than the window, words broken in the middle.
   */
  List<String> check(String path, int width, boolean screenshot) {
    width(width);
    var problems = new ArrayList<String>();
    var where = path + " at " + width + " px: ";
    if (screenshot) {
      Browser.screenshot(
          browser,
          "responsive-" + path.replaceAll("\\d+", "n").replaceAll("[^A-Za-z0-9]+", "-") + width);
    }
    @SuppressWarnings("unchecked")
    var layout = (List<String>) ((JavascriptExecutor) browser).executeScript(LAYOUT_CHECK);
    for (var problem : layout) {
      problems.add(where + problem);
    }
    var violations = Browser.accessibilityViolations(browser);
    if (!violations.isEmpty()) {
      problems.add(where + violations);
    }
    return problems;
  }

  /** Lays the page out at this width (CSS pixels), as a window that wide would. */
  void width(int width) {
    ((ChromeDriver) browser)
        .executeCdpCommand(
            "Emulation.setDeviceMetricsOverride",
            Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false));
    assertEquals(
        (long) width,
        ((JavascriptExecutor) browser).executeScript("return window.innerWidth"),
        "the window is " + width + " px wide");
  }

  /**
   * In the page: the elements sticking out of the window (when the page is wider than it), and
   * words of up to 16 letters broken across lines in key columns, table headings, labels, buttons,
   * tags and legends.
   */
  static final String LAYOUT_CHECK =
      """
      const problems = [];
      const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
          + (typeof e.className === 'string' && e.className
              ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
      const view = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth > view + 1) {
        const clipped = e => {
          for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
            const o = getComputedStyle(p).overflowX;
            if (o !== 'visible') return true;
          }
          return false;
        };
        const outside = e => e.getBoundingClientRect().right > view + 1;
        const leaves = list => list.filter(e => ![...e.children].some(outside));
        let wide = leaves([...document.body.querySelectorAll('*')].filter(e => outside(e) && !clipped(e)));
        if (wide.length === 0) {
          // (an absolutely positioned element escapes an ancestor's clipping: name them all)
          wide = leaves([...document.body.querySelectorAll('*')].filter(outside));
        }
        problems.push('the page is ' + document.documentElement.scrollWidth + ' px wide; too wide: '
            + wide.slice(0, 4).map(e => name(e) + ' ('
                + Math.round(e.getBoundingClientRect().right) + ')').join(', '));
      }
      const keys = document.querySelectorAll(
          'dt, th, label, legend, button, .govuk-button, .govuk-tag, .govuk-summary-list__key');
      for (const element of keys) {
        if (element.getClientRects().length === 0) continue;
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const words = /[A-Za-z]{2,16}/g;
          for (let m = words.exec(node.data); m; m = words.exec(node.data)) {
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const lines = new Set([...range.getClientRects()]
                .filter(r => r.width > 0).map(r => Math.round(r.top)));
            if (lines.size > 1) {
              problems.push('"' + m[0] + '" is broken across lines in ' + name(element));
            }
          }
        }
      }
      return [...new Set(problems)];
      """;

  /** How many lessons a demo course has, from its first lesson ("lesson 1 of N"). */
  int lessonCount(String course) {
    browser.get(url("/courses/" + course + "/lessons/1"));
    var captions = browser.findElements(By.className("govuk-caption-l"));
    assertTrue(!captions.isEmpty(), browser.getCurrentUrl() + " shows " + browser.getTitle());
    var caption = captions.get(0).getText();
    var matcher = Pattern.compile("lesson 1 of (\\d+)").matcher(caption);
    assertTrue(matcher.find(), caption);
    return Integer.parseInt(matcher.group(1));
  }

  /** The number of a Python for clinicians lesson whose code block scrolls sideways at 320 px. */
  int lessonWithScrollingCode(int count) {
    for (int number = 1; number <= count; number++) {
      browser.get(url("/courses/PY-CLIN/lessons/" + number));
      for (var block : browser.findElements(By.tagName("pre"))) {
        if (scrolls(block)) {
          return number;
        }
      }
    }
    throw new AssertionError("no lesson of PY-CLIN has a code block that scrolls at 320 px");
  }

  boolean scrolls(org.openqa.selenium.WebElement element) {
    return (Boolean)
        ((JavascriptExecutor) browser)
            .executeScript("return arguments[0].scrollWidth > arguments[0].clientWidth", element);
  }

  long scrollLeft(org.openqa.selenium.WebElement element) {
    return ((Number)
            ((JavascriptExecutor) browser)
                .executeScript("return Math.round(arguments[0].scrollLeft)", element))
        .longValue();
  }

  /** The path of the first link on {@code page} whose path matches, or a failure. */
  String firstLink(String page, String pattern) {
    var link = firstLinkOrNull(page, pattern);
    assertTrue(link != null, "a link like " + pattern + " on " + page);
    return link;
  }

  String firstLinkOrNull(String page, String pattern) {
    browser.get(url(page));
    var wanted = Pattern.compile(pattern);
    for (var link : browser.findElements(By.tagName("a"))) {
      var href = link.getDomAttribute("href");
      if (href == null) {
        continue;
      }
      var path = href.replaceFirst("^https?://[^/]+", "").replaceFirst("[?#].*", "");
      if (wanted.matcher(path).matches()) {
        return path;
      }
    }
    return null;
  }

  /** A new person with these roles, who has been seen by Upskill (so exists there). */
  static KeycloakUsers.Learner newPerson(String prefix, String... roles) throws Exception {
    var person =
        KeycloakUsers.create(prefix + (System.currentTimeMillis() % 1_000_000), 1, roles).get(0);
    assertEquals(200, QuizApi.onTestServer().me(person.token()).statusCode());
    return person;
  }
}
