package io.k8tre.portal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.k8tre.portal.audit.AuditQuery;
import io.k8tre.portal.audit.AuditStore;
import io.k8tre.portal.audit.BufferedAuditLog;
import io.k8tre.portal.support.Browserless;
import io.k8tre.portal.support.KeycloakAdmin;
import io.k8tre.portal.support.PortalIT;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Ending sessions from the portal and from Keycloak reaches the gateway within two seconds. */
class SessionControlIT extends PortalIT {

  private static final String HUB = "http://localhost:18090";

  private static String csrf(Browserless browser, String page) {
    return Jsoup.parse(browser.get(page).body()).selectFirst("input[name=_csrf]").attr("value");
  }

  @Test
  void endWhenPersonEndsTheirOtherSessionThenItsTokensStopWithinTwoSeconds() {
    Browserless laptop = newBrowser();
    laptop.login("k8tre-user", "k8tre");
    Browserless other = newBrowser();
    other.login("k8tre-user", "k8tre");
    other.get("/launch/diabetes/jupyterhub");
    assertThat(other.validate(HUB + "/hub/home", Map.of()).statusCode()).isEqualTo(200);

    Document sessions = Jsoup.parse(laptop.get("/sessions").body());
    assertThat(sessions.select("tr.session-row")).hasSizeGreaterThanOrEqualTo(2);
    String endOther =
        sessions.select("tr.session-row").stream()
            .filter(row -> row.select(".current").isEmpty())
            .map(row -> row.selectFirst("form").attr("action"))
            .findFirst()
            .orElseThrow();

    HttpResponse<String> ended =
        laptop.postForm(endOther, Map.of("_csrf", csrf(laptop, "/sessions")));

    assertThat(Browserless.location(ended)).endsWith("/sessions");
    await()
        .atMost(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> other.validate(HUB + "/hub/home", Map.of()).statusCode() == 401);
    assertThat(other.getJson("/api/projects").statusCode()).isEqualTo(401);
    assertThat(laptop.getJson("/api/projects").statusCode()).isEqualTo(200);
    // Its Keycloak session ended too: signing in again asks for the password.
    assertThat(other.followUntil(other.get("/login"), null).body()).contains("kc-form-login");
  }

  @Test
  void endWhenAnotherPersonsSessionIsNamedThenNotFoundForThem() {
    Browserless victim = newBrowser();
    victim.login("alwin", "k8tre");
    Browserless attacker = newBrowser();
    attacker.login("trevolution", "k8tre");
    String victimSession =
        Jsoup.parse(victim.get("/sessions").body())
            .selectFirst("tr.session-row form")
            .attr("action");

    HttpResponse<String> answer =
        attacker.postForm(victimSession, Map.of("_csrf", csrf(attacker, "/sessions")));

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(victim.getJson("/api/projects").statusCode()).isEqualTo(200);
  }

  @Test
  void endWhenPostedWithoutCsrfTokenThenRefused() {
    Browserless browser = newBrowser();
    browser.login("alwin", "k8tre");
    String own =
        Jsoup.parse(browser.get("/sessions").body())
            .selectFirst("tr.session-row form")
            .attr("action");

    HttpResponse<String> answer = browser.postForm(own, Map.of());

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(browser.getJson("/api/projects").statusCode()).isEqualTo(200);
  }

  @Test
  void endAllWhenPlatformAdminEndsAnotherPersonsSessionsThenTheTrailNamesTheAdmin() {
    Browserless alwin = newBrowser();
    alwin.login("alwin", "k8tre");
    Browserless platform = newBrowser();
    platform.login("k8tre-user", "k8tre");

    HttpResponse<String> ended =
        platform.postForm(
            "/sessions/end-all",
            Map.of("user", "alwin", "_csrf", csrf(platform, "/sessions?user=alwin")));

    assertThat(Browserless.location(ended)).endsWith("/sessions?user=alwin");
    assertThat(alwin.getJson("/api/projects").statusCode()).isEqualTo(401);
    auditLog.flush();
    assertThat(auditStore.find(new AuditQuery(null, "alwin", null, null, null, null, 50)))
        .filteredOn(e -> e.kind().equals("session.revoked"))
        .isNotEmpty()
        .allSatisfy(
            e -> {
              assertThat(e.actor()).isEqualTo("k8tre-user");
              assertThat(e.reason()).isEqualTo("session.ended-by-admin");
            });
  }

  @Autowired BufferedAuditLog auditLog;

  @Autowired AuditStore auditStore;

  @Test
  void sessionsOfOthersWhenNameHasControlCharactersThenBadRequest() {
    Browserless platform = newBrowser();
    platform.login("k8tre-user", "k8tre");

    HttpResponse<String> page = platform.get("/sessions?user=a%00b");

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("sessions.user-invalid");
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void backChannelLogoutWhenParametersUndecodableThenBadRequestAndNoForgedLogLine(
      CapturedOutput output) {
    HttpResponse<String> answer =
        newBrowser()
            .postRaw(
                "/logout/connect/back-channel/keycloak",
                "application/x-www-form-urlencoded",
                "logout_token=%ff%0aFORGED-LINE%20Login%20succeeded:%20user=admin%0a");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("request.parameters-malformed");
    assertThat(output.getOut().lines()).noneMatch(line -> line.startsWith("FORGED-LINE"));
    assertThat(output.getOut()).doesNotContain("InvalidParameterException");
  }

  @Test
  void sessionsOfOthersWhenNotPlatformAdminThenForbidden() {
    Browserless browser = newBrowser();
    browser.login("trevolution", "k8tre");

    assertThat(browser.get("/sessions?user=alwin").statusCode()).isEqualTo(403);
    assertThat(Jsoup.parse(browser.get("/sessions").body()).select("form[method=get]")).isEmpty();
  }

  @Test
  void sessionsWhenPlatformAdminThenAFormLeadsToAnyonesSessions() {
    Browserless platform = newBrowser();
    platform.login("k8tre-user", "k8tre");

    Document page = Jsoup.parse(platform.get("/sessions").body());

    assertThat(page.select("form[method=get][action=/sessions] input[name=user]")).hasSize(1);
    assertThat(page.select(".notice").text()).doesNotContain("no user of this name");
    assertThat(
            Jsoup.parse(platform.get("/sessions?user=nobody-here").body()).select(".notice").text())
        .contains("no user of this name in the directory");
  }

  @Test
  void backChannelLogoutFromKeycloakEndsThePortalSessionAndItsTokens() {
    KeycloakAdmin keycloak = new KeycloakAdmin();
    keycloak.setBackChannelLogoutUrl(PORTAL + "/logout/connect/back-channel/keycloak");
    Browserless browser = newBrowser();
    browser.login("trevolution", "k8tre");
    browser.get("/launch/asthma/jupyterhub");
    assertThat(browser.validate(HUB + "/hub/home", Map.of()).statusCode()).isEqualTo(200);

    keycloak.logoutUser("trevolution");

    await()
        .atMost(Duration.ofSeconds(3))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> browser.getJson("/api/projects").statusCode() == 401);
    assertThat(browser.validate(HUB + "/hub/home", Map.of()).statusCode()).isEqualTo(401);
  }

  @Test
  void backChannelLogoutWhenTokenForgedThenBadRequest() {
    HttpResponse<String> answer =
        newBrowser()
            .postForm(
                "/logout/connect/back-channel/keycloak",
                Map.of("logout_token", "eyJhbGciOiJub25lIn0.eyJzaWQiOiJ4In0."));

    assertThat(answer.statusCode()).isEqualTo(400);
  }
}
