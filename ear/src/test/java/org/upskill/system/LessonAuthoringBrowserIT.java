package org.upskill.system;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.upskill.system.support.BrowserTest;
import org.upskill.system.support.KeycloakUsers;
import org.upskill.system.support.QuizApi;
import org.upskill.system.support.Teaching;
import org.upskill.system.support.TestDatabase;

/**
 * Authoring, second part (issue 5): lessons in Markdown with a preview rendered by the learner's
 * renderer (live with JavaScript, by a button without), publishing with a version kept, a learner
 * finding and reading the published lesson; a hostile-content corpus that runs nowhere; a lesson
 * saved over someone else's newer save; lessons guarded by ownership. axe-core on every page.
 */
@ExtendWith(ArquillianExtension.class)
class LessonAuthoringBrowserIT extends BrowserTest {

  /** Shared with MarkdownRendererTest: the same corpus, checked as HTML there and run here. */
  static final Path HOSTILE = Path.of("../web/src/test/resources/hostile-lesson.md");

  @Override
  protected String screenshotPrefix() {
    return "lessons";
  }

  Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) browser).executeScript(script, arguments);
  }

  /** Sets the Markdown as if typed (one input event), as sendKeys is slow for long texts. */
  void setMarkdown(String text) {
    script(
        "const t = document.getElementById('markdown'); t.value = arguments[0];"
            + " t.dispatchEvent(new Event('input', {bubbles: true}));",
        text);
  }

  /** Waits until the live preview has been replaced by the server's rendering of the text. */
  void awaitLivePreview() {
    wait.until(
        d -> !"".equals(script("return document.getElementById('preview').dataset.updated || ''")));
  }

  /** Opens the editor of module 1's first lesson. */
  long firstLessonId(String code) throws Exception {
    return TestDatabase.number(
        "select l.id from lesson l join course_module m on m.id = l.module_id"
            + " join course c on c.id = m.course_id where c.code = ? and m.position = 1"
            + " and l.position = 1",
        code);
  }

  /**
   * What in {@code elementId} could run or smuggle: script-capable elements, event-handler or style
   * attributes, addresses with a scheme other than http(s)/mailto — and whether any payload ran.
   */
  String dangers(String elementId) {
    return (String)
        script(
            "const root = document.getElementById(arguments[0]); const found = [];"
                + "if (window.__xss !== undefined) found.push('ran: ' + window.__xss);"
                + "root.querySelectorAll('script,iframe,object,embed,svg,math,style,form,details,"
                + "base,meta,link,input,button,textarea').forEach(e => found.push('element '"
                + " + e.tagName));"
                + "root.querySelectorAll('*').forEach(e => { for (const a of e.attributes) {"
                + "  if (/^on/i.test(a.name) || a.name === 'style') found.push('attribute '"
                + " + a.name);"
                + "  if (['href','src','action','formaction','xlink:href'].includes(a.name)) {"
                + "    const m = /^\\s*([a-z][a-z0-9+.-]*):/i.exec(a.value);"
                + "    if (m && !/^(https?|mailto)$/i.test(m[1])) found.push(a.name + '='"
                + " + a.value); } } });"
                + "return found.join('\\n');",
            elementId);
  }

  /**
   * Like {@link #dangers} for every element matching {@code selector} (quiz questions), where form
   * controls are expected: script-capable elements, handlers, styles, unsafe addresses, and whether
   * anything ran.
   */
  String questionDangers(String selector) {
    return (String)
        script(
            "const found = []; const roots = document.querySelectorAll(arguments[0]);"
                + "if (roots.length === 0) found.push('nothing matches ' + arguments[0]);"
                + "if (window.__xss !== undefined) found.push('ran: ' + window.__xss);"
                + "roots.forEach(root => {"
                + " root.querySelectorAll('script,iframe,object,embed,svg,math,style,base,meta,"
                + "link,details,textarea').forEach(e => found.push('element ' + e.tagName));"
                + " root.querySelectorAll('*').forEach(e => { for (const a of e.attributes) {"
                + "  if (/^on/i.test(a.name) || a.name === 'style') found.push('attribute '"
                + " + a.name);"
                + "  if (['href','src','action','formaction','xlink:href'].includes(a.name)) {"
                + "    const m = /^\\s*([a-z][a-z0-9+.-]*):/i.exec(a.value);"
                + "    if (m && !/^(https?|mailto)$/i.test(m[1])) found.push(a.name + '='"
                + " + a.value); } } }); });"
                + "return found.join('\\n');",
            selector);
  }

  @Test
  void hostileQuizTextAndFeedbackRunNowhere() throws Exception {
    var code = Teaching.newCode('X');
    signIn("trainer", "/teach");
    Teaching.createCourse(browser, wait, code, "Hostile quiz " + code, "Security test course.");
    Teaching.addModule(browser, wait, code, "Payloads");
    Teaching.addLesson(browser, wait, code, 1, "Read me", "Nothing to see.");

    // A bank whose prompts, options and feedback carry payloads, imported as any trainer could
    var payloads =
        java.util.List.of(
            "<script>window.__xss='prompt'</script>",
            "<img src=x onerror=\"window.__xss='img'\">",
            "[link](javascript:window.__xss='link')",
            "<svg onload=\"window.__xss='svg'\"></svg>",
            "<a href=\"jav&#x61;script:window.__xss='entity'\">entity</a>",
            "![i](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9IndpbmRvdy5fX3hzcz0xIi8+)");
    var options = jakarta.json.Json.createArrayBuilder();
    for (int i = 0; i < payloads.size(); i++) {
      options.add(
          jakarta.json.Json.createObjectBuilder()
              .add("id", "o" + i)
              .add("text", "Option " + i + " " + payloads.get(i))
              .add("correct", i == 0)
              .add("feedback", "Feedback " + payloads.get((i + 1) % payloads.size())));
    }
    var bank =
        jakarta.json.Json.createObjectBuilder()
            .add(
                "categories",
                jakarta.json.Json.createArrayBuilder()
                    .add(
                        jakarta.json.Json.createObjectBuilder()
                            .add("name", "Hostile")
                            .add(
                                "questions",
                                jakarta.json.Json.createArrayBuilder()
                                    .add(
                                        jakarta.json.Json.createObjectBuilder()
                                            .add("type", "single")
                                            .add("prompt", String.join(" ", payloads))
                                            .add("feedback", String.join("\n\n", payloads))
                                            .add("options", options))
                                    .add(
                                        jakarta.json.Json.createObjectBuilder()
                                            .add("type", "truefalse")
                                            .add("prompt", "True? " + payloads.get(1))
                                            .add("feedback", payloads.get(0))
                                            .add("correct", true)))))
            .build()
            .toString();
    var file = Files.createTempFile("hostile-bank", ".json");
    Files.writeString(file, bank);
    browser.get(url("/teach/" + code + "/quizzes"));
    browser.findElement(By.id("bank")).sendKeys(file.toAbsolutePath().toString());
    browser.findElement(By.id("import-bank")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.className("upskill-notice")));

    // A quiz drawing both, with every review option, published
    browser.findElement(By.id("create-quiz")).click();
    Teaching.type(browser, "title", "Hostile quiz");
    browser.findElement(By.cssSelector("label[for='reviewAfterSubmit-CORRECT']")).click();
    browser.findElement(By.id("save-quiz")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("draw-form")));
    var quizId = browser.getCurrentUrl().replaceAll(".*/quizzes/(\\d+).*", "$1");
    new Select(browser.findElement(By.id("draw-category"))).selectByIndex(1);
    Teaching.type(browser, "count", "2");
    // (the page before has a notice too: wait for the page that the draw leads to)
    clickForNotice("add-draw");
    Teaching.publish(browser, wait, code);

    // The learner's attempt and review: the payloads are text, nothing runs
    signIn("learner", "/my-learning");
    enrol(code);
    browser.get(url("/courses/" + code + "/quizzes/" + quizId));
    browser.findElement(By.id("start-attempt")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("attempt-form")));
    assertTrue(
        browser.findElement(By.id("attempt-form")).getText().contains("<script>window.__xss"),
        "raw HTML is shown as text");
    assertEquals("", questionDangers(".upskill-question"), "attempt");
    checkPage("18-hostile-attempt");
    browser.findElement(By.id("finish")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submit-attempt"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("result-title")));
    assertTrue(
        browser.findElements(By.cssSelector("[id^='feedback-']")).size() > 0, "feedback shown");
    assertEquals("", questionDangers(".upskill-review-question"), "review");
    checkPage("19-hostile-review");
  }

  @Test
  void aTrainerWritesALessonWithAPreviewPublishesAndALearnerFindsAndReadsIt() throws Exception {
    var code = Teaching.newCode('L');
    var title = "Reading chest X-ray AI reports " + code;
    signIn("trainer", "/teach");
    Teaching.createCourse(
        browser, wait, code, title, "What an AI triage flag does and does not say.");

    // Publishing an empty course is not possible
    browser.findElement(By.id("publish-link")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("publish-problems")));
    assertTrue(browser.findElement(By.id("publish-problems")).getText().contains("module"));
    checkPage("01-cannot-publish");

    Teaching.addModule(browser, wait, code, "What the flag means");
    browser.findElement(By.id("add-lesson-1")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lesson-form")));
    checkPage("02-new-lesson");

    // An empty lesson is refused, and the minutes typed are kept
    Teaching.type(browser, "minutes", "12");
    browser.findElement(By.id("save-lesson")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
    var errors = browser.findElement(By.id("error-summary")).getText();
    assertAll(
        () -> assertTrue(errors.contains("Enter a title for the lesson"), errors),
        () -> assertTrue(errors.contains("Write the lesson"), errors),
        () -> assertEquals("12", browser.findElement(By.id("minutes")).getDomProperty("value")));
    checkPage("03-lesson-errors");

    // With JavaScript the preview follows the typing, rendered by the server
    Teaching.type(browser, "title", "Sensitivity is not certainty");
    browser
        .findElement(By.id("markdown"))
        .sendKeys("## Why it matters\n\nA flag **raises** the prior; it does not diagnose.\n");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#preview h2"), "Why"));
    assertEquals(
        "raises", browser.findElement(By.cssSelector("#preview strong")).getText(), "bold");
    checkPage("04-live-preview");

    // The Preview button (what works without JavaScript) renders on the server and keeps the text
    browser.findElement(By.id("markdown")).sendKeys("\n* sensitivity 0.94\n* specificity 0.88\n");
    browser.findElement(By.id("preview-lesson")).click();
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#preview li"), 2));
    assertAll(
        () ->
            assertTrue(
                browser
                    .findElement(By.id("markdown"))
                    .getDomProperty("value")
                    .contains("specificity 0.88")),
        () ->
            assertEquals(
                "Sensitivity is not certainty",
                browser.findElement(By.id("title")).getDomProperty("value")));
    browser.findElement(By.id("save-lesson")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.className("upskill-notice")));
    assertTrue(browser.getPageSource().contains("Sensitivity is not certainty"));
    checkPage("05-modules-with-lesson");

    // A quiz for module 1, required, with three types of question (a mistake first)
    browser.get(url("/teach/" + code));
    browser.findElement(By.id("quizzes-link")).click();
    browser.findElement(By.id("create-quiz")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("quiz-form")));
    Teaching.type(browser, "passPercent", "120");
    browser.findElement(By.id("save-quiz")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
    var quizErrors = browser.findElement(By.id("error-summary")).getText();
    assertAll(
        () -> assertTrue(quizErrors.contains("Enter a title for the quiz"), quizErrors),
        () -> assertTrue(quizErrors.contains("from 0 to 100"), quizErrors));
    checkPage("06-quiz-errors");
    Teaching.type(browser, "title", "Check your reading");
    Teaching.type(browser, "passPercent", "60");
    new Select(browser.findElement(By.id("module"))).selectByValue("1");
    browser.findElement(By.cssSelector("label[for='required']")).click();
    browser.findElement(By.cssSelector("label[for='shuffleQuestions']")).click(); // off
    browser.findElement(By.id("save-quiz")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("no-questions")));
    var quizId = browser.getCurrentUrl().replaceAll(".*/quizzes/(\\d+).*", "$1");
    checkPage("07-quiz-settings");

    Teaching.addQuestion(
        browser,
        wait,
        "single",
        "Which figure says how many true nodules the tool flags?",
        "single-options",
        "Specificity | No: that is about the healthy scans.\n* Sensitivity | Yes.\nPPV");
    checkPage("08-quiz-with-question");
    browser.findElement(By.id("add-question")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("question-form")));
    browser.findElement(By.id("save-question")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
    assertTrue(
        browser.findElement(By.id("error-summary")).getText().contains("Select the type"),
        "a question without a type is refused");
    checkPage("09-question-errors");
    browser.get(url("/teach/" + code + "/quizzes/" + quizId));
    Teaching.addQuestion(
        browser,
        wait,
        "numeric",
        "Out of 100 scans with nodules, the tool flags 94. What is its sensitivity in %?",
        "numeric-answer",
        "94");
    Teaching.addQuestion(
        browser,
        wait,
        "matching",
        "Match each term to what it measures.",
        "matching-pairs",
        "Sensitivity = true positives found\nSpecificity = true negatives found");
    assertEquals(3, browser.findElements(By.cssSelector("#slots > li")).size());

    // The bank goes to another course as JSON: a broken file is refused whole, the real one
    // imported
    browser.get(url("/teach/" + code + "/quizzes"));
    var bank =
        (String)
            ((JavascriptExecutor) browser)
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById('bank-export').href)"
                        + ".then(r => r.text()).then(done);");
    assertTrue(bank.contains("\"name\":\"Accuracy\""), bank);
    assertTrue(bank.contains("\"type\":\"matching\""), bank);
    var copy = Teaching.newCode('Q');
    Teaching.createCourse(browser, wait, copy, "Copy " + copy, "Receives the bank.");
    var broken = Files.createTempFile("bank", ".json");
    Files.writeString(
        broken,
        bank.replace("\"type\":\"numeric\"", "\"type\":\"essay\"")
            .replace("\"type\":\"matching\"", "\"type\":\"ordering\""));
    browser.get(url("/teach/" + copy + "/quizzes"));
    browser.findElement(By.id("bank")).sendKeys(broken.toAbsolutePath().toString());
    browser.findElement(By.id("import-bank")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("bank-problems")));
    var problems = browser.findElement(By.id("bank-problems")).getText();
    assertTrue(problems.contains("Question 2") && problems.contains("essay"), problems);
    assertTrue(problems.contains("Question 3") && problems.contains("is missing"), problems);
    checkPage("09b-bank-refused");
    assertEquals(
        0L,
        TestDatabase.number(
            "select count(*) from question q join question_category c on c.id = q.category_id"
                + " join course k on k.id = c.course_id where k.code = ?",
            copy),
        "nothing of a refused file is kept");
    var good = Files.createTempFile("bank", ".json");
    Files.writeString(good, bank);
    browser.findElement(By.id("bank")).sendKeys(good.toAbsolutePath().toString());
    browser.findElement(By.id("import-bank")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.className("upskill-notice")));
    assertTrue(
        browser.findElement(By.id("categories")).getText().contains("Accuracy: 3 questions"),
        browser.findElement(By.id("categories")).getText());

    // Publish, after the confirmation page
    browser.get(url("/teach/" + code));
    browser.findElement(By.id("publish-link")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-publish")));
    assertEquals("1", browser.findElement(By.id("publish-lessons")).getText());
    checkPage("08-publish-confirmation");
    browser.findElement(By.id("confirm-publish")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("version-1")));
    assertAll(
        () -> assertEquals("Published", browser.findElement(By.id("course-status")).getText()),
        () ->
            assertTrue(
                browser.findElement(By.id("version-1")).getText().contains("1 lesson"),
                browser.findElement(By.id("version-1")).getText()));
    checkPage("09-published");
    assertTrue(
        TestDatabase.text(
                "select p.content from course_publication p join course c on c.id = p.course_id"
                    + " where c.code = ? and p.version_no = 1",
                code)
            .contains("A flag **raises** the prior"),
        "the published version keeps the lesson as published");

    // A learner finds it, enrols and reads the lesson as the trainer previewed it
    signIn("learner", "/my-learning");
    browser.get(url("/courses?q=" + code));
    browser.findElement(By.partialLinkText(title)).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("enrol")));
    browser.findElement(By.id("enrol")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm")));
    browser.findElement(By.id("confirm")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("continue")));
    browser.findElement(By.id("continue")).click();
    wait.until(ExpectedConditions.urlContains("/courses/" + code + "/lessons/1"));
    assertAll(
        () ->
            assertEquals(
                "Sensitivity is not certainty",
                browser.findElement(By.id("lesson-title")).getText()),
        () ->
            assertEquals(
                "Why it matters", browser.findElement(By.cssSelector("#lesson-body h2")).getText()),
        () -> assertEquals(2, browser.findElements(By.cssSelector("#lesson-body li")).size()));
    checkPage("10-learner-reads-lesson");

    // And takes the quiz the trainer built
    browser.get(url("/courses/" + code));
    browser.findElement(By.id("quiz-" + quizId)).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("start-attempt")));
    browser.findElement(By.id("start-attempt")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("attempt-form")));
    checkPage("11-learner-attempt");
    browser.findElement(By.cssSelector("label[for='q1-b']")).click();
    Teaching.type(browser, "q2-text", "94");
    new Select(browser.findElement(By.id("q3-p1"))).selectByValue("true positives found");
    new Select(browser.findElement(By.id("q3-p2"))).selectByValue("true negatives found");
    browser.findElement(By.id("finish")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submit-attempt"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("result-title")));
    assertEquals("You passed", browser.findElement(By.id("result-title")).getText());
    assertEquals("100.00%", browser.findElement(By.id("result-percent")).getText());
    checkPage("12-learner-result");

    // The trainer sees the learner in the cohort grid, the item analysis and the CSV export, and
    // enrols someone else by email
    var newcomer =
        KeycloakUsers.create("cn" + (System.currentTimeMillis() % 1_000_000), 1, "learner").get(0);
    assertEquals(200, QuizApi.onTestServer().me(newcomer.token()).statusCode());
    signIn("trainer", "/teach/" + code + "/cohort");
    var learnerRow =
        browser.findElement(By.xpath("//table[@id='cohort']//tr[contains(., 'Priya Shah')]"));
    assertAll(
        () -> assertTrue(learnerRow.getText().contains("Enrolled"), learnerRow.getText()),
        () -> assertTrue(learnerRow.getText().contains("100.00% (passed)"), learnerRow.getText()));
    checkPage("13-cohort");
    browser.findElement(By.id("analysis-" + quizId)).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("items")));
    assertAll(
        () -> assertEquals(3, browser.findElements(By.cssSelector("#items tbody tr")).size()),
        () ->
            assertTrue(
                browser.findElement(By.id("analysis-attempts")).getText().contains("1 submitted")));
    checkPage("14-item-analysis");
    browser.get(url("/teach/" + code + "/cohort"));
    var csv =
        (String)
            ((JavascriptExecutor) browser)
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById('cohort-csv').href)"
                        + ".then(r => r.text()).then(done);");
    assertAll(
        () -> assertTrue(csv.startsWith("Name,Email,Staff number,State"), csv),
        () -> assertTrue(csv.contains("Priya Shah"), csv),
        () -> assertTrue(csv.contains(",100.00,yes,"), csv));
    Teaching.type(browser, "person", "nobody-" + code + "@example.org");
    browser.findElement(By.id("enrol-person")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
    checkPage("15-enrol-error");
    Teaching.type(browser, "person", newcomer.email());
    browser.findElement(By.id("enrol-person")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.className("upskill-notice")));
    assertTrue(browser.findElement(By.id("cohort")).getText().contains("Test"));
    assertEquals(
        "ENROLLED",
        TestDatabase.text(
            "select e.state from enrolment e join person p on p.id = e.person_id"
                + " join course c on c.id = e.course_id where p.email = ? and c.code = ?",
            newcomer.email(),
            code));
  }

  @Test
  void anImageIsCheckedKeptInTheDatabaseAndShownInThePreview() throws Exception {
    var code = Teaching.newCode('I');
    signIn("trainer", "/teach");
    Teaching.createCourse(browser, wait, code, "Images " + code, "A course with a picture.");
    Teaching.addModule(browser, wait, code, "Pictures");
    Teaching.addLesson(browser, wait, code, 1, "A chest X-ray", "Look at the picture.");
    var lessonPage = url("/teach/" + code + "/lessons/" + firstLessonId(code));

    // A script dressed as a PNG is refused
    var fake = Files.createTempFile("fake", ".png");
    Files.writeString(fake, "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>");
    browser.get(lessonPage);
    browser.findElement(By.id("image")).sendKeys(fake.toAbsolutePath().toString());
    browser.findElement(By.id("upload-image")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("image-error")));
    assertTrue(browser.findElement(By.id("image-error")).getText().contains("PNG, JPEG, GIF"));
    checkPage("16-image-refused");

    // A real PNG is kept and its Markdown offered
    var png = Files.createTempFile("xray", ".png");
    var picture =
        new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
    javax.imageio.ImageIO.write(picture, "png", png.toFile());
    browser.findElement(By.id("image")).sendKeys(png.toAbsolutePath().toString());
    browser.findElement(By.id("upload-image")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("image-markdown")));
    var snippet = browser.findElement(By.id("image-markdown")).getDomProperty("value");
    assertTrue(snippet.matches("!\\[[^]]+]\\(/media/[A-Za-z0-9_-]{43}\\)"), snippet);
    assertEquals(
        Files.size(png),
        TestDatabase.number(
            "select m.byte_count from media m join course c on c.id = m.course_id where c.code = ?",
            code));
    checkPage("17-image-uploaded");

    // In the lesson, the preview shows the image as learners will see it
    browser.findElement(By.id("markdown")).sendKeys("\n\n" + snippet + "\n");
    wait.until(
        d ->
            (Boolean)
                script(
                    "const img = document.querySelector('#preview img');"
                        + " return img !== null && img.complete && img.naturalWidth === 40;"));
    assertEquals(
        200,
        org.upskill.system.support.Http.get(url(snippet.replaceAll(".*\\((.*)\\)", "$1")))
            .statusCode(),
        "served without signing in, by its unguessable address");
  }

  @Test
  void hostileContentRunsNeitherInThePreviewNorForLearners() throws Exception {
    var corpus = Files.readString(HOSTILE);
    var code = Teaching.newCode('H');
    signIn("trainer", "/teach");
    Teaching.createCourse(browser, wait, code, "Hostile corpus " + code, "Security test course.");
    Teaching.addModule(browser, wait, code, "Payloads");
    browser.findElement(By.id("add-lesson-1")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lesson-form")));
    Teaching.type(browser, "title", "Every payload we know");

    // Live preview
    setMarkdown(corpus);
    awaitLivePreview();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#preview a[href='https://www.england.nhs.uk/']")));
    assertEquals("", dangers("preview"), "live preview");

    // Server preview (the Preview button)
    browser.findElement(By.id("preview-lesson")).click();
    wait.until(ExpectedConditions.urlContains("new-lesson"));
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#preview a[href='https://www.england.nhs.uk/']")));
    assertEquals("", dangers("preview"), "server preview");
    browser.findElement(By.id("save-lesson")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.className("upskill-notice")));

    // Reopened in the editor (the saved text in the textarea and the preview)
    browser.get(url("/teach/" + code + "/lessons/" + firstLessonId(code)));
    assertEquals(
        corpus.strip(), browser.findElement(By.id("markdown")).getDomProperty("value").strip());
    assertEquals("", dangers("preview"), "editor of the saved lesson");

    // Published and read by a learner
    browser.get(url("/teach/" + code + "/publish"));
    browser.findElement(By.id("confirm-publish")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("version-1")));
    signIn("learner", "/my-learning");
    enrol(code);
    browser.get(url("/courses/" + code + "/lessons/1"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lesson-body")));
    assertTrue(
        browser.findElement(By.id("lesson-body")).getText().contains("<script>window.__xss"),
        "raw HTML is shown as text");
    assertEquals("", dangers("lesson-body"), "learner's lesson");
    checkPage("09-hostile-lesson");
  }

  @Test
  void aLessonSavedOverSomeoneElsesNewerSaveShowsBothAndOnlyOwnersMayWriteLessons()
      throws Exception {
    var code = Teaching.newCode('K');
    signIn("trainer", "/teach");
    Teaching.createCourse(browser, wait, code, "Conflicts " + code, "Two trainers, one lesson.");
    Teaching.addModule(browser, wait, code, "Consent");
    browser.findElement(By.id("add-lesson-1")).click();
    Teaching.type(browser, "title", "Opt-outs");
    Teaching.type(browser, "markdown", "The national data opt-out applies to planning.");
    browser.findElement(By.id("save-lesson")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.className("upskill-notice")));
    var lesson = firstLessonId(code);

    // While the trainer edits, a co-owner saves a new text
    browser.get(url("/teach/" + code + "/lessons/" + lesson));
    try (var connection = TestDatabase.connect();
        var statement =
            connection.prepareStatement(
                "update lesson set body_markdown = 'Their text: opt-outs and research.',"
                    + " version = version + 1 where id = ?")) {
      statement.setLong(1, lesson);
      assertEquals(1, statement.executeUpdate());
    }
    Teaching.type(browser, "markdown", "My text: opt-outs and direct care.");
    browser.findElement(By.id("save-lesson")).click();

    // The conflict shows both; the trainer's text stays in the form; nothing was overwritten
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("conflict")));
    assertAll(
        () ->
            assertEquals(
                "Their text: opt-outs and research.",
                browser.findElement(By.id("theirs-markdown")).getText()),
        () ->
            assertEquals(
                "My text: opt-outs and direct care.",
                browser.findElement(By.id("markdown")).getDomProperty("value")),
        () ->
            assertEquals(
                "Their text: opt-outs and research.",
                TestDatabase.text("select body_markdown from lesson where id = ?", lesson)));
    checkPage("10-lesson-conflict");
    browser.findElement(By.id("save-lesson")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.className("upskill-notice")));
    assertEquals(
        "My text: opt-outs and direct care.",
        TestDatabase.text("select body_markdown from lesson where id = ?", lesson));

    // Another trainer can neither open the lesson, nor save it with a tampered form, nor reach it
    // through a course of their own
    var other =
        KeycloakUsers.create("tl" + (System.currentTimeMillis() % 1_000_000), 1, "trainer").get(0);
    assertEquals(200, QuizApi.onTestServer().me(other.token()).statusCode());
    var theirCode = Teaching.newCode('O');
    signIn(other.username(), "/teach");
    Teaching.createCourse(browser, wait, theirCode, "Theirs " + theirCode, "Their own course.");
    browser.get(url("/teach/" + code + "/lessons/" + lesson));
    assertTrue(browser.getTitle().startsWith("You cannot do this"), browser.getTitle());
    browser.get(url("/teach/" + theirCode + "/lessons/" + lesson));
    assertTrue(browser.getTitle().startsWith("Page not found"), browser.getTitle());
    browser.get(url("/teach/" + theirCode + "/modules"));
    var statuses =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "const token = document.querySelector('input[name=_csrf]').value;"
                    + "const post = (action, fields) => fetch(document.getElementById('module-form')"
                    + ".action.replace('module-add', action), {method: 'POST', redirect: 'manual',"
                    + " body: new URLSearchParams(Object.assign({_csrf: token}, fields))})"
                    + ".then(r => r.status);"
                    + "Promise.all(["
                    + " post('lesson-save', {course: arguments[0], lesson: arguments[1],"
                    + "  version: '99', title: 'Hijacked', markdown: 'x', minutes: '1',"
                    + "  intent: 'save'}),"
                    + " post('lesson-save', {course: arguments[2], lesson: arguments[1],"
                    + "  version: '99', title: 'Hijacked', markdown: 'x', minutes: '1',"
                    + "  intent: 'save'}),"
                    + " post('lesson-remove', {course: arguments[0], lesson: arguments[1]}),"
                    + " post('course-publish', {course: arguments[0]})"
                    + "]).then(done);",
                code,
                String.valueOf(lesson),
                theirCode);
    assertEquals(java.util.List.of(403L, 404L, 403L, 403L), statuses);
    browser.get(url("/teach/" + code + "/cohort"));
    assertTrue(browser.getTitle().startsWith("You cannot do this"), browser.getTitle());
    var export =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(location.origin + '/export/cohorts/' + arguments[0] + '.csv')"
                    + ".then(r => done(r.status));",
                code);
    assertEquals(403L, export);
    assertEquals(
        "My text: opt-outs and direct care.",
        TestDatabase.text("select body_markdown from lesson where id = ?", lesson));
    assertEquals("DRAFT", TestDatabase.text("select status from course where code = ?", code));

    // A learner cannot use the preview either (with a valid anti-forgery token from a form)
    var learner =
        KeycloakUsers.create("ll" + (System.currentTimeMillis() % 1_000_000), 1, "learner").get(0);
    signIn(learner.username(), "/courses/PY-CLIN/enrol");
    var preview =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "const form = document.getElementById('confirm-form');"
                    + "fetch(form.action.replace('enrol', 'lesson-preview'), {method: 'POST',"
                    + " redirect: 'manual', body: new URLSearchParams({_csrf:"
                    + " form.querySelector('input[name=_csrf]').value, markdown: '# x'})})"
                    + ".then(r => done(r.status));");
    assertEquals(403L, preview);
  }
}
