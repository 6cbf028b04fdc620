package io.k8tre.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8tre.portal.support.HeadlessChromium;
import io.k8tre.portal.support.PortalIT;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person in a real browser: Keycloak's form, the project cards, one project's apps. */
class DashboardBrowserIT extends PortalIT {

  private WebDriver driver;

  @BeforeEach
  void startBrowser() throws Exception {
    System.setProperty("SE_AVOID_STATS", "true");
    driver = HeadlessChromium.start();
  }

  @AfterEach
  void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void trevolutionLogsInSeesTwoProjectsAndOpensAsthma() throws Exception {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));

    driver.get(PORTAL + "/");
    driver.findElement(By.linkText("Sign in")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    HeadlessChromium.screenshot(driver, "01-keycloak-login");
    driver.findElement(By.id("username")).sendKeys("trevolution");
    driver.findElement(By.id("password")).sendKeys("k8tre");
    driver.findElement(By.id("kc-login")).click();
    wait.until(ExpectedConditions.urlToBe(PORTAL + "/projects"));
    HeadlessChromium.screenshot(driver, "02-projects");

    assertThat(driver.findElements(By.cssSelector(".project-card h2")))
        .extracting(WebElement::getText)
        .containsExactly("asthma", "diabetes");

    driver.findElement(By.linkText("asthma")).click();
    wait.until(ExpectedConditions.urlToBe(PORTAL + "/projects/asthma/apps"));
    HeadlessChromium.screenshot(driver, "03-asthma-apps");

    assertThat(driver.findElements(By.cssSelector(".app-card h2")))
        .extracting(WebElement::getText)
        .containsExactly("jupyterhub", "guacamole");
    assertThat(driver.findElements(By.cssSelector(".app-card a.button")))
        .extracting(WebElement::getText)
        .containsOnly("Launch");
  }

  @Test
  void projectAdminReadsTheAuditTimelineAndTheirSessions() throws Exception {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    driver.get(PORTAL + "/login");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    driver.findElement(By.id("username")).sendKeys("alwin");
    driver.findElement(By.id("password")).sendKeys("k8tre");
    driver.findElement(By.id("kc-login")).click();
    wait.until(ExpectedConditions.urlToBe(PORTAL + "/projects"));
    try {
      // The launch is recorded before the redirect to the hub, which does not run in this test.
      driver.get(PORTAL + "/launch/asthma/jupyterhub");
    } catch (org.openqa.selenium.WebDriverException expected) {
      assertThat(driver.getCurrentUrl()).doesNotContain(PORTAL.toString() + "/launch");
    }

    driver.get(PORTAL + "/audit/projects/asthma");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.events")));
    HeadlessChromium.screenshot(driver, "04-audit-timeline");
    assertThat(driver.findElements(By.cssSelector("table.events tbody td:nth-child(2)")))
        .extracting(WebElement::getText)
        .contains("launch");

    driver.get(PORTAL + "/sessions");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr.session-row")));
    HeadlessChromium.screenshot(driver, "05-sessions");
    assertThat(driver.findElements(By.cssSelector("tr.session-row .current"))).hasSize(1);
  }
}
