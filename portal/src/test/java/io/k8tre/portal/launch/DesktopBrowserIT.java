package io.k8tre.portal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8tre.api.VDIConventions;
import io.k8tre.api.VDIInstance;
import io.k8tre.portal.support.HeadlessChromium;
import io.k8tre.portal.support.KubernetesMock;
import io.k8tre.portal.support.PortalIT;
import io.k8tre.portal.support.SimulatedOperator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person launches asthma's desktop in a real browser: the VDIInstance appears in the mock API
 * server, a simulated operator makes it ready, the progress page follows, and the browser lands on
 * Guacamole's client URL with the session a local Guacamole granted to the portal's server.
 */
class DesktopBrowserIT extends PortalIT {

  /** The sample's guacamole app URL is http://localhost:18091/guacamole/. */
  private static final int GUACAMOLE_PORT = 18091;

  private static final String NAME = DesktopNames.of("trevolution", "asthma");

  private WebDriver driver;
  private FakeGuacamole guacamole;
  private SimulatedOperator operator;

  @BeforeEach
  void start() throws Exception {
    System.setProperty("SE_AVOID_STATS", "true");
    guacamole = new FakeGuacamole(GUACAMOLE_PORT, GUACAMOLE_KEY);
    driver = HeadlessChromium.start();
  }

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (operator != null) {
      operator.close();
    }
    guacamole.close();
    KubernetesMock.client()
        .resources(VDIInstance.class)
        .inNamespace("project-asthma")
        .withName(NAME)
        .delete();
  }

  @Test
  void launchWhenDesktopBecomesReadyThenProgressThenGuacamoleClient() throws Exception {
    operator = new SimulatedOperator(KubernetesMock.client(), Duration.ofMillis(2500));
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
    signIn(wait);

    driver.get(PORTAL + "/projects/asthma/apps");
    driver.findElement(By.cssSelector("a[href='/launch/asthma/guacamole']")).click();
    wait.until(ExpectedConditions.urlContains("/desktops/asthma/" + NAME));
    wait.until(
        ExpectedConditions.attributeToBe(By.id("desktop-state"), "data-state", "provisioning"));
    HeadlessChromium.screenshot(driver, "vdi-01-provisioning");
    wait.until(ExpectedConditions.urlContains("#/client/"));
    HeadlessChromium.screenshot(driver, "vdi-02-guacamole");

    assertThat(driver.getCurrentUrl())
        .isEqualTo(
            "http://localhost:18091/guacamole/#/client/"
                + GuacamoleDocument.clientIdentifier("asthma-desktop")
                + "?token="
                + guacamole.lastAuthToken);
    GuacamoleJsonDecoder.Document sent = guacamole.lastDocument;
    assertThat(sent.username()).isEqualTo("trevolution");
    assertThat(sent.expires())
        .isBetween(System.currentTimeMillis(), System.currentTimeMillis() + 60_000);
    assertThat(sent.connections()).containsOnlyKeys("asthma-desktop");
    Map<String, String> parameters = sent.connections().get("asthma-desktop").parameters();
    assertThat(sent.connections().get("asthma-desktop").protocol()).isEqualTo("rdp");
    assertThat(parameters)
        .containsEntry("hostname", VDIConventions.serviceHost(NAME, "project-asthma"))
        .containsEntry("port", "3389")
        .containsEntry("username", "vdx-sim")
        .containsEntry("password", operator.password(NAME).replace("${", "$${"))
        .containsEntry("disable-copy", "true")
        .containsEntry("disable-paste", "true");

    VDIInstance vdi =
        KubernetesMock.client()
            .resources(VDIInstance.class)
            .inNamespace("project-asthma")
            .withName(NAME)
            .get();
    assertThat(vdi.getSpec().user()).isEqualTo("trevolution");
    assertThat(vdi.getSpec().settings()).containsEntry("resolution", "1920x1080");
    assertThat(vdi.getMetadata().getLabels())
        .containsEntry(VDIConventions.PROJECT_LABEL, "asthma")
        .containsEntry(VDIConventions.OWNER_LABEL, DesktopNames.ownerLabel("trevolution"));
    assertThat(vdi.getMetadata().getAnnotations())
        .containsKey(VDIConventions.LAST_ACTIVITY_ANNOTATION);
    assertThat(KubernetesMock.client().getKubernetesSerialization().asJson(vdi.getSpec()))
        .doesNotContain(operator.password(NAME));
  }

  @Test
  void launchWhenDesktopInstantlyReadyThenRedirectMeasuredAndStopRemovesIt() throws Exception {
    operator = new SimulatedOperator(KubernetesMock.client(), Duration.ZERO);
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
    signIn(wait);
    driver.get(PORTAL + "/projects/asthma/apps");
    // One warm-up launch, so the measured one does not include first-use class loading.
    driver.findElement(By.cssSelector("a[href='/launch/asthma/guacamole']")).click();
    wait.until(ExpectedConditions.urlContains("#/client/"));
    stopFromList(wait);
    driver.get(PORTAL + "/projects/asthma/apps");

    long started = System.nanoTime();
    driver.findElement(By.cssSelector("a[href='/launch/asthma/guacamole']")).click();
    wait.until(ExpectedConditions.urlContains("#/client/"));
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.println("Launch to Guacamole redirect (instantly ready desktop): " + millis + " ms");

    assertThat(millis).isLessThan(10_000);
    stopFromList(wait);
    assertThat(
            KubernetesMock.client()
                .resources(VDIInstance.class)
                .inNamespace("project-asthma")
                .withName(NAME)
                .get())
        .isNull();
  }

  private void stopFromList(WebDriverWait wait) {
    driver.get(PORTAL + "/desktops");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".desktop-card")));
    driver.findElement(By.cssSelector(".desktop-card form button")).click();
    wait.until(ExpectedConditions.urlToBe(PORTAL + "/desktops"));
    wait.until(
        d ->
            KubernetesMock.client()
                    .resources(VDIInstance.class)
                    .inNamespace("project-asthma")
                    .withName(NAME)
                    .get()
                == null);
  }

  private void signIn(WebDriverWait wait) {
    driver.get(PORTAL + "/login");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    driver.findElement(By.id("username")).sendKeys("trevolution");
    driver.findElement(By.id("password")).sendKeys("k8tre");
    driver.findElement(By.id("kc-login")).click();
    wait.until(ExpectedConditions.urlToBe(PORTAL + "/projects"));
  }
}
