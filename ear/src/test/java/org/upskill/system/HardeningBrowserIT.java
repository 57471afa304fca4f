package org.upskill.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.upskill.system.support.BrowserTest;
import org.upskill.system.support.KeycloakUsers;
import org.upskill.system.support.QuizApi;
import org.upskill.system.support.TestDatabase;

/**
 * Two holes closed, from a real signed-in browser: a trainer who does not own a course cannot find
 * out whether someone exists by naming them in the course's forms (enrol someone, add a co-owner):
 * the answer is 403 for a stranger and for a person alike; and the anti-forgery token counts only
 * in a form's body, never in the address (urlencoded forms and multipart uploads), and a Faces
 * postback also needs a view state that Faces gave out. One Chromium and one sign-in for the class.
 */
@ExtendWith(ArquillianExtension.class)
class HardeningBrowserIT extends BrowserTest {

  static KeycloakUsers.Learner trainer;
  static KeycloakUsers.Learner existing;

  @Override
  protected String screenshotPrefix() {
    return "hardening";
  }

  @Override
  protected boolean oneBrowserForTheClass() {
    return true;
  }

  /** Once per class: someone who has signed in (so exists), and a trainer who owns nothing. */
  void prepare() {
    if (trainer != null) {
      return;
    }
    var suffix = System.currentTimeMillis() % 1_000_000;
    var someone = KeycloakUsers.create("hx" + suffix, 1, "learner").get(0);
    assertEquals(200, QuizApi.onTestServer().me(someone.token()).statusCode());
    var teacher = KeycloakUsers.create("ht" + suffix, 1, "learner", "trainer").get(0);
    signIn(teacher.username(), "/teach");
    existing = someone;
    trainer = teacher;
  }

  @Test
  void aTrainerWhoDoesNotOwnTheCourseGetsTheSameAnswerForAStrangerAndAPerson() throws Exception {
    prepare();
    browser.get(url("/courses"));
    var course =
        browser
            .findElement(By.cssSelector("a.upskill-course__title"))
            .getDomAttribute("href")
            .replaceAll(".*/courses/", "");
    browser.get(url("/teach/new")); // a page with a form, for its token
    var stranger = "nobody-" + trainer.username() + "@example.org";

    for (var form : Map.of("cohort-enrol", "person", "course-owner", "owner").entrySet()) {
      var forStranger =
          forgedPost(form.getKey(), Map.of("course", course, form.getValue(), stranger));
      var forPerson =
          forgedPost(form.getKey(), Map.of("course", course, form.getValue(), existing.email()));
      assertEquals(403, forStranger, form.getKey() + " naming nobody");
      assertEquals(403, forPerson, form.getKey() + " naming a person who exists");
    }
    // And nothing happened to the person
    assertEquals(
        0,
        TestDatabase.number(
            "select count(*) from enrolment e join person p on p.id = e.person_id"
                + " join course c on c.id = e.course_id where p.email = ? and c.code = ?",
            existing.email(),
            course));
    assertEquals(
        0,
        TestDatabase.number(
            "select count(*) from course_owner o join person p on p.id = o.person_id"
                + " where p.email = ?",
            existing.email()));
  }

  @Test
  void theAntiForgeryTokenCountsOnlyInTheBody() {
    prepare();
    browser.get(url("/profile"));
    assertFalse(browser.findElement(By.id("opt-out")).isSelected(), "emails wanted at first");
    // The emails form is a Faces postback to /profile: the page's view state goes with it
    var save = "Save email choices";
    var optOut = Map.of("opt-out", "on", "save-emails", save);

    // A form whose token is in the address is refused, with or without one in the body too
    assertEquals("403", post("/profile", optOut, true, false, false));
    assertEquals("403", post("/profile", optOut, true, true, false));
    // A postback with the token but a view state that Faces did not give out is refused too
    var forgedView = new java.util.HashMap<>(optOut);
    forgedView.put("jakarta.faces.ViewState", "-1234567890123456789:-987654321987654321");
    assertEquals("403", post("/profile", forgedView, false, true, false));
    browser.get(url("/profile"));
    assertFalse(
        browser.findElement(By.id("opt-out")).isSelected(), "the refused forms did nothing");

    // The same form with the token in its body is accepted and does what it says
    assertEquals("redirect", post("/profile", optOut, false, true, false));
    browser.get(url("/profile"));
    assertTrue(browser.findElement(By.id("opt-out")).isSelected(), "the accepted form worked");
    assertEquals(
        "redirect",
        post("/profile", Map.of("save-emails", save), false, true, false),
        "back again");
    browser.get(url("/profile"));
    assertFalse(browser.findElement(By.id("opt-out")).isSelected(), "and back again it was");

    // An upload (multipart/form-data): the token as one of its parts, not in the address
    browser.get(url("/teach/bulk-enrolments"));
    assertEquals("403", post("/upload/enrolments", Map.of(), true, false, true));
    assertEquals("redirect", post("/upload/enrolments", Map.of(), false, true, true));
    browser.get(url("/teach/bulk-enrolments"));
    // (the file has a header and no rows: the upload reached the check, which says so)
    assertTrue(
        browser.findElement(By.id("error-summary")).getText().contains("no rows"),
        browser.findElement(By.id("error-summary")).getText());
    checkPage("upload-refused-by-the-check");
  }

  /**
   * Posts to {@code path} from the current page with these fields, the page's token in the query
   * string and/or the body, urlencoded or as multipart (with a CSV file holding only a header);
   * answers the status, or "redirect". On a page with a Faces form, the form's hidden fields (its
   * name and the view state) go too, unless {@code fields} names them.
   */
  String post(
      String path,
      Map<String, String> fields,
      boolean tokenInQuery,
      boolean tokenInBody,
      boolean multipart) {
    return (String)
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "const [path, fields, inQuery, inBody, multipart] = arguments;"
                    + "const token = document.querySelector('input[name=_csrf]').value;"
                    + "const address = location.origin + path"
                    + "  + (inQuery ? '?_csrf=' + encodeURIComponent(token) : '');"
                    + "let body;"
                    + "if (multipart) {"
                    + "  body = new FormData();"
                    + "  for (const [k, v] of Object.entries(fields)) body.append(k, v);"
                    + "  if (inBody) body.append('_csrf', token);"
                    + "  body.append('file', new Blob(['email,course\\n'], {type: 'text/csv'}),"
                    + "    'header-only.csv');"
                    + "} else {"
                    + "  body = new URLSearchParams();"
                    + "  const faces = document.querySelector('input[name=\"jakarta.faces.ViewState\"]');"
                    + "  if (faces) for (const hidden of faces.form.querySelectorAll('input[type=hidden]'))"
                    + "    if (hidden.name !== '_csrf') body.set(hidden.name, hidden.value);"
                    + "  for (const [k, v] of Object.entries(fields)) body.set(k, v);"
                    + "  if (inBody) body.set('_csrf', token);"
                    + "}"
                    + "fetch(address, {method: 'POST', redirect: 'manual', body: body})"
                    + "  .then(r => done(r.type === 'opaqueredirect' ? 'redirect' : String(r.status)))"
                    + "  .catch(e => done('failed: ' + e));",
                path,
                fields,
                tokenInQuery,
                tokenInBody,
                multipart);
  }
}
