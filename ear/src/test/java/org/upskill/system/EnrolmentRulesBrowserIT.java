package org.upskill.system;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.upskill.system.support.BrowserTest;
import org.upskill.system.support.KeycloakUsers;
import org.upskill.system.support.QuizApi;
import org.upskill.system.support.Teaching;
import org.upskill.system.support.TestDatabase;

/**
 * Rule-based enrolment (issue 5): a trainer writes rules after a form with mistakes; someone in the
 * staff group is enrolled at their next sign-in through Keycloak's real login form (with the rule's
 * due date); someone in the Keycloak group who already signed in is enrolled by "Apply the rules
 * now"; someone in neither is not; applying again changes nothing; someone who does not own the
 * course can neither see nor change its rules. axe-core on every page.
 */
@ExtendWith(ArquillianExtension.class)
class EnrolmentRulesBrowserIT extends BrowserTest {

  @Override
  protected String screenshotPrefix() {
    return "rules";
  }

  static String enrolment(String username, String code, String column) throws Exception {
    return TestDatabase.text(
        "select coalesce(max(e."
            + column
            + "), 'none') from enrolment e join person p on p.id = e.person_id"
            + " join course c on c.id = e.course_id where p.username = ? and c.code = ?",
        username,
        code);
  }

  @Test
  void groupsAreEnrolledAtSignInAndBySync() throws Exception {
    var suffix = System.currentTimeMillis() % 1_000_000;
    var staffGroup = "Pharmacy " + suffix;
    var keycloakGroup = "Imaging team " + suffix;
    var pharmacist = KeycloakUsers.createInGroups("ra" + suffix, 1, null, staffGroup).get(0);
    var radiographer = KeycloakUsers.createInGroups("rb" + suffix, 1, keycloakGroup, null).get(0);
    var outsider = KeycloakUsers.create("rc" + suffix, 1, "learner").get(0);
    // The radiographer has used Upskill before (here through the API), so a sync can find them
    assertEquals(200, QuizApi.onTestServer().me(radiographer.token()).statusCode());

    signIn("trainer", "/teach");
    var code = Teaching.newCode('R');
    Teaching.createCourse(browser, wait, code, "Rules " + code, "Everyone in a group.");
    Teaching.addModule(browser, wait, code, "Only module");
    Teaching.addLesson(browser, wait, code, 1, "Only lesson", "Read this.");
    Teaching.publish(browser, wait, code);
    browser.findElement(By.id("rules-link")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-form")));
    assertTrue(browser.findElement(By.id("no-rules")).isDisplayed());
    checkPage("01-no-rules");

    // Mistakes come back in an error summary, with what was typed
    Teaching.type(browser, "dueDays", "soon");
    browser.findElement(By.id("add-rule")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
    var summary = browser.findElement(By.id("error-summary")).getText();
    assertAll(
        () -> assertTrue(summary.contains("Enter the name of the group"), summary),
        () -> assertTrue(summary.contains("as a number"), summary),
        () -> assertEquals("soon", browser.findElement(By.id("dueDays")).getAttribute("value")),
        () -> assertTrue(browser.getTitle().startsWith("Error: ")));
    checkPage("02-errors");

    // A staff-group rule with a due date, and a Keycloak-group rule; the same rule twice is refused
    browser.findElement(By.cssSelector("label[for='kind-1']")).click();
    Teaching.type(browser, "value", staffGroup);
    Teaching.type(browser, "dueDays", "30");
    assertTrue(clickForNotice("add-rule").contains("Rule added"));
    browser.findElement(By.cssSelector("label[for='kind-0']")).click();
    Teaching.type(browser, "value", keycloakGroup);
    assertTrue(clickForNotice("add-rule").contains("Rule added"));
    browser.findElement(By.cssSelector("label[for='kind-0']")).click();
    Teaching.type(browser, "value", keycloakGroup);
    browser.findElement(By.id("add-rule")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
    assertTrue(
        browser.findElement(By.id("error-summary")).getText().contains("already has this rule"));
    assertEquals(2, browser.findElements(By.cssSelector("#rules tbody tr")).size());
    checkPage("03-rules");

    // The pharmacist signs in for the first time and is enrolled, due in 30 days
    signIn(pharmacist.username(), "/my-learning");
    assertTrue(
        browser.getPageSource().contains("Your organisation has enrolled you on Rules " + code),
        "told on the first page after signing in");
    checkPage("04-enrolled-at-sign-in");
    assertAll(
        () -> assertEquals("ENROLLED", enrolment(pharmacist.username(), code, "state")),
        () ->
            assertEquals(
                LocalDate.now(ZoneId.of("Europe/London")).plusDays(30).toString(),
                enrolment(pharmacist.username(), code, "due_date")));

    // Someone in neither group signs in and is not enrolled
    signIn(outsider.username(), "/my-learning");
    assertEquals("none", enrolment(outsider.username(), code, "state"));

    // A non-owner can neither see the rules nor change them with a forged form
    browser.get(url("/teach/" + code + "/rules"));
    assertTrue(browser.getTitle().startsWith("You cannot do this"), browser.getTitle());
    browser.get(url("/courses/PY-CLIN/enrol"));
    var forged = forgedPost("rule-sync", java.util.Map.of("course", code));
    assertEquals(403L, forged);

    // The radiographer, not signed in since the rule was written, is enrolled by a sync
    assertEquals("none", enrolment(radiographer.username(), code, "state"));
    signIn("trainer", "/teach/" + code + "/rules");
    var synced = clickForNotice("sync-rules");
    assertTrue(synced.contains("1 enrolled, 0 waitlisted, 1 already"), synced);
    assertEquals("ENROLLED", enrolment(radiographer.username(), code, "state"));
    var again = clickForNotice("sync-rules");
    assertTrue(again.contains("0 enrolled, 0 waitlisted, 2 already"), again);
    assertEquals(
        2,
        TestDatabase.number(
            "select count(*) from enrolment e join course c on c.id = e.course_id"
                + " where c.code = ?",
            code));
  }
}
