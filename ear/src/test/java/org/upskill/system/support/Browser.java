package org.upskill.system.support;

import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

/** Debian's Chromium driven by Debian's chromedriver; nothing is downloaded at run time. */
public final class Browser {

  /** The WCAG 2.0, 2.1 and 2.2 levels A and AA rules of axe-core. */
  static final List<String> WCAG_TAGS =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

  private Browser() {}

  public static WebDriver start() {
    return start(false);
  }

  /**
   * A headless Chromium; with {@code selfSignedSite}, one that accepts the certificate of a site
   * that signed its own (the cluster's balancer, whose certificate is made on its first start).
   */
  public static WebDriver start(boolean selfSignedSite) {
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, "/usr/bin/chromedriver");
    var options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1024");
    options.setAcceptInsecureCerts(selfSignedSite);
    var driver = new ChromeDriver(options);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
    return driver;
  }

  /** Fills Keycloak's real login form with a demo user (password = user name) and submits it. */
  public static void signInOnKeycloak(WebDriver driver, String user) {
    driver.findElement(org.openqa.selenium.By.id("username")).sendKeys(user);
    driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(user);
    driver.findElement(org.openqa.selenium.By.id("kc-login")).click();
  }

  /**
   * WCAG 2.2 (and so 2.0 and 2.1) A and AA violations that axe-core finds, described; empty when
   * there are none. axe-core (the copy in Deque's axe-core Selenium jar) is put into the page once
   * and run there, so a page checked at several widths loads it once. (The jar's own AxeBuilder
   * re-injects it for every check and opens a blank tab to assemble each result, for cross-origin
   * frames, which Upskill's pages do not have.)
   */
  public static String accessibilityViolations(WebDriver driver) {
    var js = (JavascriptExecutor) driver;
    if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
      js.executeScript(axeSource());
    }
    @SuppressWarnings("unchecked")
    var violations = (List<String>) js.executeAsyncScript(RUN_AXE, WCAG_TAGS);
    return String.join("; ", violations);
  }

  private static final String RUN_AXE =
      """
      const done = arguments[arguments.length - 1];
      axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
        .then(r => done(r.violations.map(v => v.id + ' (' + v.help + ') at '
            + v.nodes.map(n => JSON.stringify(n.target)).join(', '))))
        .catch(e => done(['axe-core failed: ' + e]));
      """;

  private static volatile String axeSource;

  private static String axeSource() {
    var source = axeSource;
    if (source == null) {
      try {
        source = new AxeBuilder().getAxeScriptProvider().getScript();
      } catch (IOException | javax.naming.OperationNotSupportedException e) {
        throw new IllegalStateException("axe-core's script could not be read", e);
      }
      axeSource = source;
    }
    return source;
  }

  /** The folder screenshots go to: {@code ear/target/screenshots}. */
  public static Path screenshotFolder() {
    return TestEnvironment.ear().toAbsolutePath().getParent().resolve("screenshots");
  }

  /**
   * Saves the whole page (not only the window) as {@code ear/target/screenshots/<name>.png} and
   * answers the file. The name is reduced to letters, digits, dots, dashes and underscores.
   */
  public static Path screenshot(WebDriver driver, String name) {
    var file = screenshotFolder().resolve(name.replaceAll("[^A-Za-z0-9._-]+", "-") + ".png");
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, png(driver));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not save the screenshot " + file, e);
    }
    return file;
  }

  private static byte[] png(WebDriver driver) {
    if (driver instanceof ChromeDriver chrome) {
      try {
        // The full length of the page, through the DevTools protocol.
        @SuppressWarnings("unchecked")
        var size =
            (Map<String, Object>)
                chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
        var width = ((Number) size.get("width")).doubleValue();
        var height = Math.min(((Number) size.get("height")).doubleValue(), 16_000);
        var shot =
            chrome.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                    "format",
                    "png",
                    "captureBeyondViewport",
                    true,
                    "clip",
                    Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        return Base64.getDecoder().decode((String) shot.get("data"));
      } catch (RuntimeException e) {
        // fall back to the visible part of the window
      }
    }
    return ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
  }

  /**
   * Waits until the page an element belonged to has been replaced. Chromium answers either "stale
   * element" or, while the new document is being built, "node does not belong to the document":
   * both mean the old page is gone.
   */
  public static void waitUntilReplaced(WebDriver driver, WebElement oldPage) {
    new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(60))
        .until(
            d -> {
              try {
                oldPage.isEnabled();
                return false;
              } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
              } catch (org.openqa.selenium.WebDriverException e) {
                if (e.getMessage() != null
                    && e.getMessage().contains("does not belong to the document")) {
                  return true;
                }
                throw e;
              }
            });
  }

  /** Presses a key on whatever has the keyboard focus, as a person at a keyboard does. */
  public static void press(WebDriver driver, CharSequence key) {
    new Actions(driver).sendKeys(key).perform();
  }

  /** The element that has the keyboard focus (the body when nothing has). */
  public static WebElement focused(WebDriver driver) {
    return driver.switchTo().activeElement();
  }

  /**
   * Presses Tab (or Shift+Tab when {@code backwards}) until the focused element matches, at most
   * {@code maxPresses} times, and answers it. Fails naming what was wanted and what had the focus
   * on the way.
   */
  public static WebElement tabTo(
      WebDriver driver,
      String wanted,
      Predicate<WebElement> matches,
      int maxPresses,
      boolean backwards) {
    var visited = new StringBuilder();
    for (int presses = 1; presses <= maxPresses; presses++) {
      if (backwards) {
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
      } else {
        press(driver, Keys.TAB);
      }
      var element = focused(driver);
      if (matches.test(element)) {
        return element;
      }
      if (visited.length() < 2_000) {
        visited.append(presses == 1 ? "" : ", ").append(describe(element));
      }
    }
    throw new AssertionError(
        "No "
            + wanted
            + " took the keyboard focus within "
            + maxPresses
            + (backwards ? " Shift+Tab" : " Tab")
            + " presses on "
            + driver.getCurrentUrl()
            + "; the focus went to: "
            + visited);
  }

  /** Presses Tab until the element with this id has the focus (at most 80 times). */
  public static WebElement tabToId(WebDriver driver, String id) {
    return tabTo(driver, "element #" + id, hasId(id), 80, false);
  }

  /** Presses Tab until a link or button showing exactly this text has the focus (at most 80). */
  public static WebElement tabToText(WebDriver driver, String text) {
    return tabTo(driver, "element reading '" + text + "'", hasText(text), 80, false);
  }

  public static Predicate<WebElement> hasId(String id) {
    return element -> id.equals(element.getDomAttribute("id"));
  }

  public static Predicate<WebElement> hasText(String text) {
    return element -> text.equals(element.getText().strip());
  }

  /** Short description of an element for failure messages, e.g. {@code a#sign-in 'Sign in'}. */
  public static String describe(WebElement element) {
    var id = element.getDomAttribute("id");
    var text = element.getText().strip();
    return element.getTagName()
        + (id == null || id.isEmpty() ? "" : "#" + id)
        + (text.isEmpty()
            ? ""
            : " '" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'");
  }
}
