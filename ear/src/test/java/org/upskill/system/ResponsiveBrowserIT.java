package org.upskill.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.upskill.system.support.Browser;
import org.upskill.system.support.BrowserTest;
import org.upskill.system.support.KeycloakUsers;

/**
 * Every page at a phone's, a tablet's and a desktop's width (320, 768 and 1280 CSS pixels):
 * axe-core on every lesson of every demo course, and a screenshot and axe-core on every type of
 * page (the learner's, the trainer's, the manager's and the admin's). On each, no key of a summary
 * list has a word split over two lines or sticking out of its column, and the page does not scroll
 * sideways. The courses and lessons are found by crawling the catalogue. One Chromium and one
 * sign-in for the whole class: a person with every role, who enrols themself on every course
 * through the cohort page (as a course's owner or an admin may, whatever its enrolment mode).
 */
@ExtendWith(ArquillianExtension.class)
class ResponsiveBrowserIT extends BrowserTest {

  static final List<Integer> WIDTHS = List.of(320, 768, 1280);

  /** Course code → its lessons' addresses, in the catalogue's order; filled once per class. */
  static final Map<String, List<String>> LESSONS = new LinkedHashMap<>();

  /** Course code → its quizzes' addresses on the learner's side. */
  static final Map<String, List<String>> QUIZZES = new LinkedHashMap<>();

  static KeycloakUsers.Learner person;

  @Override
  protected String screenshotPrefix() {
    return "responsive";
  }

  @Override
  protected boolean oneBrowserForTheClass() {
    return true;
  }

  /**
   * Once per class: the person with every role signs in, the catalogue is crawled for its courses,
   * the person enrols on each, and each course page is read for its lessons and quizzes.
   */
  void prepare() {
    if (person != null) {
      return;
    }
    var someone =
        KeycloakUsers.create(
                "rw" + (System.currentTimeMillis() % 1_000_000),
                1,
                "learner",
                "trainer",
                "manager",
                "admin")
            .get(0);
    signIn(someone.username(), "/courses");
    var codes = new LinkedHashSet<String>();
    String next = url("/courses");
    while (next != null) {
      browser.get(next);
      for (var link : hrefs("a.upskill-course__title")) {
        codes.add(link.replaceAll(".*/courses/", ""));
      }
      var more = hrefs("a[rel=next]");
      next = more.isEmpty() ? null : more.get(0);
    }
    assertTrue(codes.size() >= 6, "the demo catalogue's courses: " + codes);
    for (var code : codes) {
      browser.get(url("/teach/" + code + "/cohort"));
      browser.findElement(By.id("person")).sendKeys(someone.username());
      var notice = clickForNotice("enrol-person");
      assertTrue(notice.contains("is enrolled"), code + ": " + notice);
      browser.get(url("/courses/" + code));
      LESSONS.put(
          code,
          hrefs("main a[href*='/courses/" + code + "/lessons/']").stream().distinct().toList());
      QUIZZES.put(code, hrefs("main a[id^='quiz-']"));
      assertFalse(LESSONS.get(code).isEmpty(), code + " has lessons");
    }
    person = someone;
  }

  @Test
  void everyLessonOfEveryDemoCoursePassesAxeCoreAtEveryWidth() {
    prepare();
    var problems = new ArrayList<String>();
    String withCode = null;
    for (var lessons : LESSONS.values()) {
      for (var lesson : lessons) {
        browser.get(lesson);
        waitUntilLoaded();
        assertTrue(
            (Boolean) js("return document.querySelector('.upskill-lesson') !== null"),
            "a lesson at " + lesson);
        for (int width : WIDTHS) {
          setWidth(width);
          problems.addAll(problemsHere(lesson + " at " + width));
        }
        if (withCode == null
            && (Boolean) js("return document.querySelector('.upskill-lesson pre') !== null")) {
          withCode = lesson;
        }
      }
    }
    assertEquals(List.of(), problems, "problems on the lessons");

    // A code block is reached with the Tab key, says what it is, and shows that it has the focus
    assertTrue(withCode != null, "a demo lesson shows code");
    browser.get(withCode);
    setWidth(320);
    var pre = browser.findElement(By.cssSelector(".upskill-lesson pre"));
    assertEquals("region", pre.getDomAttribute("role"));
    assertTrue(pre.getDomAttribute("aria-label").endsWith("code example"), withCode);
    var focused =
        Browser.tabTo(
            browser,
            "the first code block",
            element -> "pre".equals(element.getTagName()),
            80,
            false);
    assertEquals(pre.getDomAttribute("aria-label"), focused.getDomAttribute("aria-label"));
    assertEquals("rgb(255, 221, 0)", focused.getCssValue("outline-color"), "a visible focus");
    Browser.screenshot(browser, "responsive-code-block-focused-320");
  }

  @Test
  void everyTypeOfPageAtEveryWidth() {
    prepare();
    var problems = new ArrayList<String>();
    var quizCourse =
        QUIZZES.entrySet().stream()
            .filter(e -> !e.getValue().isEmpty())
            .findFirst()
            .orElseThrow(() -> new AssertionError("no demo course has a quiz"));
    var code = quizCourse.getKey();
    var quiz = quizCourse.getValue().get(0);
    var lesson = LESSONS.get(code).get(0);

    // A certificate: the course without a quiz that has the fewest lessons, completed
    var plain =
        LESSONS.keySet().stream()
            .filter(c -> QUIZZES.get(c).isEmpty())
            .min((a, b) -> Integer.compare(LESSONS.get(a).size(), LESSONS.get(b).size()))
            .orElseThrow(() -> new AssertionError("every demo course has a quiz"));
    for (int n = 1; n <= LESSONS.get(plain).size(); n++) {
      completeLesson(plain, n);
    }

    // The learner's pages
    visit("catalogue", url("/courses"), problems);
    visit("catalogue-search", url("/courses?q=data"), problems);
    visit("course", url("/courses/" + code), problems);
    visit("lesson", lesson, problems);
    visit("leave-confirmation", url("/courses/" + code + "/leave"), problems);
    visit("quiz-intro", quiz, problems);
    visit("accommodations", quiz + "/overrides", problems);
    browser.get(quiz);
    click(By.id("start-attempt"));
    wait.until(ExpectedConditions.urlMatches(".*/attempts/\\d+(\\?.*)?$"));
    var attempt = browser.getCurrentUrl().replaceAll("\\?.*", "");
    checkHere("quiz-question", problems);
    visit("attempt-summary", attempt + "/summary", problems);
    click(By.id("submit-attempt"));
    wait.until(ExpectedConditions.urlContains("/review"));
    checkHere("quiz-review", problems);
    visit("quiz-intro-after-an-attempt", quiz, problems);
    visit("my-learning", url("/my-learning"), problems);
    visit("my-certificates", url("/my-certificates"), problems);
    var verify = hrefs("a[id^='verify-']");
    assertFalse(verify.isEmpty(), "completing " + plain + " issued a certificate");
    visit("certificate-verification", verify.get(0), problems);
    visit("verify-form", url("/verify"), problems);
    visit("pathways", url("/pathways"), problems);
    visit("pathway", first("main a[href*='/pathways/']"), problems);
    visit("profile", url("/profile"), problems);
    visit("privacy", url("/privacy"), problems);
    visit("accessibility", url("/accessibility"), problems);
    visit("not-found", url("/courses/NO-SUCH-COURSE"), problems);

    // The trainer's
    visit("teach", url("/teach"), problems);
    visit("teach-new-course", url("/teach/new"), problems);
    visit("teach-course", url("/teach/" + code), problems);
    visit("teach-modules", url("/teach/" + code + "/modules"), problems);
    visit("teach-lesson-editor", first("a[id^='edit-lesson-']"), problems);
    visit("teach-module-rename", url("/teach/" + code + "/modules/1"), problems);
    visit("teach-quizzes", url("/teach/" + code + "/quizzes"), problems);
    visit("teach-quiz-editor", first("main table a[id^='quiz-']"), problems);
    visit("teach-publish", url("/teach/" + code + "/publish"), problems);
    visit("teach-cohort", url("/teach/" + code + "/cohort"), problems);
    visit("teach-item-analysis", first("a[id^='analysis-']"), problems);
    visit("teach-rules", url("/teach/" + code + "/rules"), problems);
    visit("teach-bulk-enrolment", url("/teach/bulk-enrolments"), problems);
    visit("approvals", url("/approvals"), problems);

    // The manager's: an organisation with people in its compliance matrix
    browser.get(url("/manage/compliance"));
    @SuppressWarnings("unchecked")
    var organisations =
        (List<String>)
            js(
                "return [...document.querySelectorAll('#organisation option')]"
                    + ".map(o => o.value).filter(v => v);");
    String personPage = null;
    for (var organisation : organisations) {
      browser.get(url("/manage/compliance?organisation=" + organisation));
      var people = hrefs("a[href*='/manage/compliance/people/']");
      if (!people.isEmpty()) {
        personPage = people.get(0);
        break;
      }
    }
    assertTrue(personPage != null, "an organisation with people: " + organisations);
    checkHere("compliance-dashboard", problems);
    visit("compliance-person", personPage, problems);

    // The admin's: every page the console links to, and a person
    browser.get(url("/admin"));
    var consolePages = hrefs("main a[id^='admin-']");
    assertTrue(consolePages.size() >= 7, "the admin console's pages: " + consolePages);
    visit("admin", url("/admin"), problems);
    for (var page : consolePages) {
      visit(java.net.URI.create(page).getPath().substring(1).replace('/', '-'), page, problems);
    }
    browser.get(url("/admin/people?q=" + person.username()));
    visit("admin-person", first("main a[href*='/admin/people/']"), problems);

    assertEquals(List.of(), problems, "problems on the pages");
  }

  /** Opens a page, then looks at it at every width. */
  void visit(String name, String address, List<String> problems) {
    browser.get(address);
    checkHere(name, problems);
  }

  /** The page now open, at every width: a screenshot, axe-core and the layout checks. */
  void checkHere(String name, List<String> problems) {
    waitUntilLoaded();
    for (int width : WIDTHS) {
      setWidth(width);
      Browser.screenshot(browser, screenshotPrefix() + "-" + name + "-" + width);
      problems.addAll(problemsHere(name + " (" + browser.getCurrentUrl() + ") at " + width));
    }
  }

  void waitUntilLoaded() {
    wait.until(d -> "complete".equals(js("return document.readyState")));
  }

  /**
   * What is wrong with the page at the current width: axe-core's violations, keys of summary lists
   * with a word split over lines or wider than their column, a page wider than the window.
   */
  List<String> problemsHere(String where) {
    var found = new ArrayList<String>();
    var violations = Browser.accessibilityViolations(browser);
    if (!violations.isEmpty()) {
      found.add(where + ": " + violations);
    }
    var layout =
        (String)
            js(
                "const problems = [];"
                    + "if (window.innerWidth !== arguments[0]) {"
                    + "  problems.push('the window is ' + window.innerWidth + ' px wide');"
                    + "}"
                    + "const page = document.documentElement;"
                    + "if (page.scrollWidth > page.clientWidth) {"
                    + "  problems.push('the page scrolls sideways ('"
                    + "    + page.scrollWidth + ' px)');"
                    + "}"
                    + "for (const key of document.querySelectorAll('dt')) {"
                    + "  if (!key.getClientRects().length) continue;"
                    + "  const text = key.textContent.trim().replace(/\\s+/g, ' ');"
                    + "  if (key.scrollWidth > key.clientWidth + 1) {"
                    + "    problems.push('key \"' + text + '\" is wider than its column');"
                    + "  }"
                    + "  const walker = document.createTreeWalker(key, NodeFilter.SHOW_TEXT);"
                    + "  for (let node = walker.nextNode(); node; node = walker.nextNode()) {"
                    + "    const words = /[^\\s\\-\\u2010]+/g;"
                    + "    let word;"
                    + "    while ((word = words.exec(node.data))) {"
                    + "      const range = document.createRange();"
                    + "      range.setStart(node, word.index);"
                    + "      range.setEnd(node, word.index + word[0].length);"
                    + "      const lines = new Set([...range.getClientRects()]"
                    + "        .filter(r => r.width > 0 && r.height > 0)"
                    + "        .map(r => Math.round(r.top)));"
                    + "      if (lines.size > 1) {"
                    + "        problems.push('\"' + word[0] + '\" of key \"' + text + '\" is split over '"
                    + "          + lines.size + ' lines');"
                    + "      }"
                    + "    }"
                    + "  }"
                    + "}"
                    + "return problems.join('; ');",
                currentWidth);
    if (!layout.isEmpty()) {
      found.add(where + ": " + layout);
    }
    return found;
  }

  private int currentWidth;

  /**
   * Lays the page out as a window {@code width} CSS pixels wide (through the DevTools protocol).
   */
  void setWidth(int width) {
    ((ChromeDriver) browser)
        .executeCdpCommand(
            "Emulation.setDeviceMetricsOverride",
            Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false));
    currentWidth = width;
  }

  private Object js(String script, Object... arguments) {
    return ((JavascriptExecutor) browser).executeScript(script, arguments);
  }

  /** The addresses of the links matching a CSS selector on this page. */
  @SuppressWarnings("unchecked")
  private List<String> hrefs(String selector) {
    // Through the page's own query: a missing link answers at once (no implicit wait).
    return (List<String>)
        js("return [...document.querySelectorAll(arguments[0])].map(a => a.href);", selector);
  }

  /** The first such link's address, failing when there is none. */
  private String first(String selector) {
    var links = hrefs(selector);
    assertFalse(links.isEmpty(), "a link " + selector + " on " + browser.getCurrentUrl());
    return links.get(0);
  }
}
