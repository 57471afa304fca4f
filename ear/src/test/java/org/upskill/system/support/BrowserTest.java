package org.upskill.system.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every browser test of the whole EAR needs: the deployment, a Chromium per test (or one per
 * class, see {@link #oneBrowserForTheClass}), signing in through Keycloak's real form, axe-core
 * with a screenshot per page, and a learner's usual steps. Every browser test extends it.
 */
public abstract class BrowserTest {

  @Deployment(testable = false)
  public static EnterpriseArchive ear() {
    return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, TestEnvironment.ear().toFile());
  }

  protected WebDriver browser;
  protected WebDriverWait wait;

  /** The browser of a class that keeps one for all its tests, until the class is done. */
  private static WebDriver shared;

  /** The prefix of this class's screenshots. */
  protected abstract String screenshotPrefix();

  /**
   * Whether the class's tests share one Chromium (and so one sign-in), instead of each starting a
   * fresh one. For classes that only look at pages, where a start and a sign-in per test would be
   * most of the time spent.
   */
  protected boolean oneBrowserForTheClass() {
    return false;
  }

  @BeforeEach
  void openBrowser() {
    if (oneBrowserForTheClass()) {
      if (shared == null) {
        shared = Browser.start();
      }
      browser = shared;
    } else {
      browser = Browser.start();
    }
    wait = new WebDriverWait(browser, Duration.ofSeconds(60));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null && browser != shared) {
      browser.quit();
    }
  }

  @AfterAll
  static void closeSharedBrowser() {
    if (shared != null) {
      shared.quit();
      shared = null;
    }
  }

  protected static String url(String path) {
    return TestEnvironment.baseUrl() + path;
  }

  /** Signs out whoever was signed in, then in as {@code username}, ending on {@code path}. */
  protected void signIn(String username, String path) {
    signOut();
    browser.get(url(path));
    wait.until(ExpectedConditions.urlContains("/realms/upskill/protocol/openid-connect/auth"));
    Browser.signInOnKeycloak(browser, username);
    wait.until(ExpectedConditions.urlContains(path));
  }

  /** Nobody is signed in afterwards: a stranger. */
  protected void signOut() {
    browser.get(url("/signout"));
    browser.manage().deleteAllCookies();
  }

  /** A screenshot, and no axe-core violation on the page. */
  protected void checkPage(String name) {
    Browser.screenshot(browser, screenshotPrefix() + "-" + name);
    assertEquals("", Browser.accessibilityViolations(browser), name + " accessibility");
  }

  /** Clicks a button and answers the notice on the page it leads to (not the one before). */
  protected String clickForNotice(String buttonId) {
    var page = browser.findElement(By.tagName("html"));
    browser.findElement(By.id(buttonId)).click();
    waitUntilReplaced(page);
    // The post redirects: read the notice once the page it ends on has loaded, and again if the
    // document was still being replaced when it was first found.
    return new WebDriverWait(browser, Duration.ofSeconds(60))
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .until(
            d -> {
              var ready =
                  ((org.openqa.selenium.JavascriptExecutor) d)
                      .executeScript("return document.readyState");
              if (!"complete".equals(ready)) {
                return null;
              }
              var text = d.findElement(By.className("upskill-notice")).getText();
              return text.isEmpty() ? null : text;
            });
  }

  /**
   * Clicks an element once it is there, again if the page was still being replaced when it was
   * found (Chromium then answers "node does not belong to the document").
   */
  protected void click(By by) {
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .until(
            d -> {
              d.findElement(by).click();
              return true;
            });
  }

  /** As the signed-in learner: enrols on a self-enrolment course with a free place. */
  protected void enrol(String code) {
    browser.get(url("/courses/" + code));
    click(By.id("enrol"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm")));
    click(By.id("confirm"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("continue")));
  }

  /** As the signed-in learner: marks lesson {@code number} complete. */
  protected void completeLesson(String code, int number) {
    browser.get(url("/courses/" + code + "/lessons/" + number));
    var page = browser.findElement(By.tagName("html"));
    click(By.id("complete"));
    waitUntilReplaced(page);
  }

  /**
   * Waits until the page an element belonged to has been replaced ({@link
   * Browser#waitUntilReplaced}).
   */
  protected void waitUntilReplaced(org.openqa.selenium.WebElement oldPage) {
    Browser.waitUntilReplaced(browser, oldPage);
  }

  /** The session cookie of the signed-in browser, for plain HTTP downloads as that person. */
  protected String sessionCookie() {
    var cookie = browser.manage().getCookieNamed("JSESSIONID");
    return cookie == null ? "" : "JSESSIONID=" + cookie.getValue();
  }

  /**
   * Posts a form to {@code /action/{action}} from the current page, with the page's anti-forgery
   * token and these fields (a forged form, for the ownership tests); answers the HTTP status.
   */
  protected long forgedPost(String action, java.util.Map<String, String> fields) {
    return forgedPostTo("/action/" + action, fields);
  }

  /**
   * Posts a form to {@code path} (a page's own address, for a Faces postback) from the current
   * page, with the page's anti-forgery token and these fields; answers the HTTP status.
   */
  protected long forgedPostTo(String path, java.util.Map<String, String> fields) {
    return (Long)
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "const body = new URLSearchParams(arguments[1]);"
                    + "body.set('_csrf', document.querySelector('input[name=_csrf]').value);"
                    + "fetch(location.origin + arguments[0], {method: 'POST',"
                    + " redirect: 'manual', body: body}).then(r => done(r.status));",
                path,
                fields);
  }
}
