package io.k8tre.portal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8tre.api.VDIInstance;
import io.k8tre.portal.audit.AuditQuery;
import io.k8tre.portal.support.Browserless;
import io.k8tre.portal.support.KubernetesMock;
import io.k8tre.portal.support.PortalIT;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A desktop's pages answer its owner only, whatever the URL names. */
class DesktopOwnershipIT extends PortalIT {

  private static final String TREVOLUTION_DESKTOP = DesktopNames.of("trevolution", "asthma");

  @AfterEach
  void removeDesktop() {
    KubernetesMock.client()
        .resources(VDIInstance.class)
        .inNamespace("project-asthma")
        .withName(TREVOLUTION_DESKTOP)
        .delete();
  }

  @Test
  void statusWhenAnotherPersonsDesktopThenForbidden() {
    Browserless trevolution = newBrowser();
    HttpResponse<String> landed = trevolution.login("trevolution", "k8tre");
    assertThat(landed.uri().getPath())
        .as(landed.statusCode() + " " + landed.uri())
        .isEqualTo("/projects");
    HttpResponse<String> launched = trevolution.get("/launch/asthma/guacamole");
    assertThat(Browserless.location(launched)).endsWith("/desktops/asthma/" + TREVOLUTION_DESKTOP);
    HttpResponse<String> twice = trevolution.get("/launch/asthma/guacamole");
    assertThat(Browserless.location(twice)).isEqualTo(Browserless.location(launched));

    Browserless alwin = newBrowser();
    alwin.login("alwin", "k8tre");
    String path = "/desktops/asthma/" + TREVOLUTION_DESKTOP;

    assertThat(alwin.get(path).statusCode()).isEqualTo(403);
    assertThat(alwin.getJson("/api" + path).statusCode()).isEqualTo(403);
    assertThat(alwin.get(path + "/connect").statusCode()).isEqualTo(403);
    assertThat(alwin.postForm(path + "/stop", Map.of("_csrf", csrf(alwin))).statusCode())
        .isEqualTo(403);
    assertThat(desktopExists()).isTrue();
    assertThat(alwin.getJson("/api/desktops").body()).doesNotContain(TREVOLUTION_DESKTOP);
    assertThat(trevolution.getJson("/api" + path).body()).contains("\"state\":");
    assertThat(trevolution.postForm(path + "/stop", Map.of()).statusCode())
        .as("no CSRF token")
        .isEqualTo(403);
    assertThat(
            trevolution.postForm(path + "/stop", Map.of("_csrf", csrf(trevolution))).statusCode())
        .isEqualTo(302);
    assertThat(desktopExists()).isFalse();
    auditLog.flush();
    assertThat(auditStore.find(new AuditQuery("asthma", null, null, null, null, null, 500)))
        .extracting(e -> e.kind() + " " + e.user())
        .contains(
            "desktop.requested trevolution", "desktop.deny alwin", "desktop.stopped trevolution");
  }

  @org.springframework.beans.factory.annotation.Autowired
  io.k8tre.portal.audit.AuditStore auditStore;

  @org.springframework.beans.factory.annotation.Autowired
  io.k8tre.portal.audit.BufferedAuditLog auditLog;

  private static String csrf(Browserless browser) {
    Matcher m =
        Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(browser.get("/logout").body());
    assertThat(m.find()).as("CSRF field on the sign-out page").isTrue();
    return m.group(1);
  }

  private static boolean desktopExists() {
    return KubernetesMock.client()
            .resources(VDIInstance.class)
            .inNamespace("project-asthma")
            .withName(TREVOLUTION_DESKTOP)
            .get()
        != null;
  }
}
