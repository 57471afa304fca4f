package org.upskill.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.upskill.system.support.Browser;
import org.upskill.system.support.BrowserTest;

/**
 * Single sign-on as a person does it, in Debian's Chromium: the home page, Keycloak's real login
 * form, back to Upskill with the name in the header, sign-out that also ends the Keycloak session.
 * Every Upskill page visited is checked with axe-core.
 */
@ExtendWith(ArquillianExtension.class)
class SignInBrowserIT extends BrowserTest {

  @Override
  protected String screenshotPrefix() {
    return "sign-in";
  }

  @Test
  void aLearnerSignsInThroughKeycloakAndSignsOutOfBoth() {
    var home = url("/");

    // Given the home page, signed out
    browser.get(home);
    assertTrue(browser.findElement(By.id("sign-in")).isDisplayed(), "a Sign in link shows");
    checkPage("01-home");

    // When the learner signs in on Keycloak's own form
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.urlContains("/realms/upskill/protocol/openid-connect/auth"));
    Browser.signInOnKeycloak(browser, "learner");

    // Then they are back on Upskill with their name in the header
    wait.until(ExpectedConditions.urlToBe(home));
    assertTrue(
        browser.findElement(By.id("signed-in-as")).getText().contains("Priya Shah"),
        "the header shows who is signed in");
    assertTrue(browser.getPageSource().contains("Python for clinicians"), "the catalogue shows");

    // And their profile shows what Keycloak said about them
    browser.get(url("/account/profile"));
    assertEquals("Priya Shah", browser.findElement(By.id("profile-name")).getText());
    assertTrue(
        browser.getPageSource().contains("Northshire Teaching Hospitals NHS Foundation Trust"),
        "organisation from the token");
    checkPage("02-profile");

    // When they sign out
    browser.findElement(By.id("sign-out")).click();

    // Then Upskill shows them signed out
    wait.until(ExpectedConditions.urlToBe(home));
    assertTrue(browser.findElement(By.id("sign-in")).isDisplayed(), "signed out of Upskill");

    // And Keycloak asks for a password again: its session ended too
    browser.get(url("/account/profile"));
    wait.until(ExpectedConditions.urlContains("/realms/upskill/protocol/openid-connect/auth"));
    assertTrue(
        browser.findElement(By.id("password")).isDisplayed(),
        "Keycloak shows its login form instead of signing the learner straight back in");
  }
}
