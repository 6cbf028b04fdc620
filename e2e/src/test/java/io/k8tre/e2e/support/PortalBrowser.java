package io.k8tre.e2e.support;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person at the keyboard: the portal's pages and Keycloak's form, clicked as they appear. */
public final class PortalBrowser implements AutoCloseable {

  public static final String PASSWORD = "k8tre";

  private final WebDriver driver;
  private final WebDriverWait wait;

  private PortalBrowser(WebDriver driver) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
  }

  public static PortalBrowser open() throws IOException {
    return new PortalBrowser(Chromium.start());
  }

  public WebDriver driver() {
    return driver;
  }

  public WebDriverWait waiting() {
    return wait;
  }

  /** Signs in through the portal's start page and Keycloak's form; ends on the project list. */
  public void logIn(String username) {
    driver.get(E2eStack.PORTAL + "/");
    driver.findElement(By.linkText("Sign in")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(PASSWORD);
    driver.findElement(By.id("kc-login")).click();
    wait.until(ExpectedConditions.urlToBe(E2eStack.PORTAL + "/projects"));
  }

  /** From the project list: the project's card, then the Launch button of one of its apps. */
  public void launch(String project, String app) {
    driver.findElement(By.linkText(project)).click();
    wait.until(ExpectedConditions.urlToBe(E2eStack.PORTAL + "/projects/" + project + "/apps"));
    WebElement card =
        driver.findElements(By.cssSelector(".app-card")).stream()
            .filter(c -> c.findElement(By.tagName("h2")).getText().equals(app))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no app card " + app + " in " + project));
    card.findElement(By.linkText("Launch")).click();
  }

  /** Waits until the person's single-user server shows its file list. */
  public void awaitNotebookServer(String hubUser) {
    String tree = E2eStack.HUB + "/user/" + hubUser + "/tree";
    wait.until(ExpectedConditions.urlContains(tree));
    wait.until(ExpectedConditions.titleContains("Home"));
  }

  /** Signs out with the portal's button (a CSRF-protected POST); ends on the signed-out page. */
  public void logOut() {
    driver.get(E2eStack.PORTAL + "/logout");
    driver.findElement(By.cssSelector("main form button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("/logged-out"));
  }

  /** Every cookie the browser would send to {@code localhost}, as one Cookie header. */
  public String cookieHeader() {
    return cookieHeader(driver.manage().getCookies(), null);
  }

  /** Only the named cookies, as one Cookie header. */
  public String cookieHeader(String... names) {
    return cookieHeader(driver.manage().getCookies(), Set.of(names));
  }

  public List<String> cookieNames() {
    return driver.manage().getCookies().stream().map(Cookie::getName).sorted().toList();
  }

  private static String cookieHeader(Set<Cookie> cookies, Set<String> only) {
    return cookies.stream()
        .filter(c -> only == null || only.contains(c.getName()))
        .map(c -> c.getName() + "=" + c.getValue())
        .collect(Collectors.joining("; "));
  }

  /** Runs {@code fetch} in the current page and returns "status|redirected|content-type|body". */
  public String fetchFromPage(String path, String... headerPairs) {
    String headers =
        Arrays.stream(headerPairs)
            .map(h -> h.split(":", 2))
            .map(h -> "'" + h[0].strip() + "':'" + h[1].strip() + "'")
            .collect(Collectors.joining(",", "{", "}"));
    Object result =
        ((org.openqa.selenium.JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0], {headers: "
                    + headers
                    + ", redirect: 'manual'})"
                    + ".then(r => r.text().then(t => done(r.status + '|' + r.redirected + '|'"
                    + " + r.headers.get('content-type') + '|' + t)))"
                    + ".catch(e => done('error|' + e));",
                path);
    return String.valueOf(result);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
