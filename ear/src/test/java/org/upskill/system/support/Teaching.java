package org.upskill.system.support;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Steps a trainer takes in the browser, shared by the authoring tests. */
public final class Teaching {

  private Teaching() {}

  /** A course code no earlier run used: a letter and the clock. */
  public static String newCode(char letter) {
    return letter + String.valueOf(System.currentTimeMillis() % 1_000_000_000L);
  }

  public static void type(WebDriver browser, String id, String text) {
    var field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  /**
   * From any page of a signed-in trainer: creates a draft course that learners enrol in themselves
   * and ends on its details page.
   */
  public static void createCourse(
      WebDriver browser, WebDriverWait wait, String code, String title, String summary) {
    browser.get(TestEnvironment.baseUrl() + "/teach/new");
    type(browser, "code", code);
    type(browser, "title", title);
    type(browser, "summary", summary);
    browser.findElement(By.cssSelector("label[for='level-0']")).click();
    type(browser, "durationMinutes", "60");
    browser.findElement(By.cssSelector("label[for='audience-2']")).click();
    browser.findElement(By.cssSelector("label[for='enrolmentMode-0']")).click();
    browser.findElement(By.id("save-course")).click();
    wait.until(ExpectedConditions.urlContains("/teach/" + code));
  }

  /** Adds a module at the end of a draft course and ends on its modules page. */
  public static void addModule(WebDriver browser, WebDriverWait wait, String code, String title) {
    browser.get(TestEnvironment.baseUrl() + "/teach/" + code + "/modules");
    type(browser, "title", title);
    browser.findElement(By.id("add-module")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.className("upskill-notice")));
  }

  /** Adds a lesson to module {@code module} of a draft course; ends on its modules page. */
  public static void addLesson(
      WebDriver browser, WebDriverWait wait, String code, int module, String title, String text) {
    browser.get(
        TestEnvironment.baseUrl() + "/teach/" + code + "/modules/" + module + "/new-lesson");
    type(browser, "title", title);
    type(browser, "markdown", text);
    browser.findElement(By.id("save-lesson")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.className("upskill-notice")));
  }

  /**
   * Creates a quiz (pass mark 60 %, not required) for module {@code module} of a draft course;
   * answers its id and ends on its page, which has no question yet.
   */
  public static String addQuiz(
      WebDriver browser, WebDriverWait wait, String code, String title, int module) {
    browser.get(TestEnvironment.baseUrl() + "/teach/" + code + "/quizzes");
    browser.findElement(By.id("create-quiz")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("quiz-form")));
    type(browser, "title", title);
    type(browser, "passPercent", "60");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("module")))
        .selectByValue(String.valueOf(module));
    browser.findElement(By.id("save-quiz")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("no-questions")));
    return browser.getCurrentUrl().replaceAll(".*/quizzes/(\\d+).*", "$1");
  }

  /**
   * Adds a question of {@code type} to the quiz whose page is open (category "Accuracy"), its
   * type's field {@code field} filled with {@code part}; ends on the quiz's page.
   */
  public static void addQuestion(
      WebDriver browser,
      WebDriverWait wait,
      String type,
      String prompt,
      String field,
      String part) {
    browser.findElement(By.id("add-question")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("question-form")));
    type(browser, "category", "Accuracy");
    type(browser, "prompt", prompt);
    browser.findElement(By.cssSelector("label[for='type-" + type + "']")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(field)));
    type(browser, field, part);
    type(browser, "feedback", "See the lesson on sensitivity.");
    browser.findElement(By.id("save-question")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.className("upskill-notice")));
  }

  /** Publishes a draft course after its confirmation page; ends on its details page. */
  public static void publish(WebDriver browser, WebDriverWait wait, String code) {
    publish(browser, wait, code, 1);
  }

  /** Publishes the draft that becomes version {@code version}; ends on the details page. */
  public static void publish(WebDriver browser, WebDriverWait wait, String code, int version) {
    browser.get(TestEnvironment.baseUrl() + "/teach/" + code + "/publish");
    browser.findElement(By.id("confirm-publish")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("version-" + version)));
  }
}
