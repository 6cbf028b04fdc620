package io.k8tre.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.k8tre.portal.support.Browserless;
import io.k8tre.portal.support.PortalIT;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The record of access, end to end: written by real logins and gateway answers, read in views. */
class AuditIT extends PortalIT {

  private static final String HUB = "http://localhost:18090";

  @Autowired AuditStore store;
  @Autowired BufferedAuditLog log;

  private List<AuditEvent> eventsOf(String user) {
    log.flush();
    return store.find(new AuditQuery(null, user, null, null, null, null, 500));
  }

  @Test
  void loginLaunchAllowAndDenyAreRecordedWithRequestIdAndAddress() {
    Browserless browser = newBrowser();
    browser.login("trevolution", "k8tre");
    browser.get("/launch/asthma/jupyterhub");
    assertThat(browser.validate(HUB + "/hub/home", Map.of()).statusCode()).isEqualTo(200);
    assertThat(browser.validate(HUB + "/user/alwin-asthma/tree", Map.of()).statusCode())
        .isEqualTo(403);

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              List<AuditEvent> events = eventsOf("trevolution");
              assertThat(events)
                  .extracting(AuditEvent::kind)
                  .contains("login", "launch", "access.start", "gateway.deny");
            });
    AuditEvent deny =
        eventsOf("trevolution").stream()
            .filter(e -> e.kind().equals("gateway.deny"))
            .findFirst()
            .orElseThrow();
    assertThat(deny.reason()).isEqualTo("token.user-mismatch");
    assertThat(deny.project()).isEqualTo("asthma");
    assertThat(deny.requestId()).isNotBlank();
    assertThat(deny.clientAddress()).isIn("127.0.0.1", "::1");
  }

  @Test
  void timelineWhenProjectAdminThenFilteredEventsAndCsv() {
    Browserless researcher = newBrowser();
    researcher.login("trevolution", "k8tre");
    researcher.get("/launch/asthma/jupyterhub");
    researcher.validate(HUB + "/user/alwin-asthma/tree", Map.of());
    log.flush();
    Browserless admin = newBrowser();
    admin.login("alwin", "k8tre");

    HttpResponse<String> page = admin.get("/audit/projects/asthma?user=trevolution&outcome=deny");
    Document timeline = Jsoup.parse(page.body());
    HttpResponse<String> csv = admin.get("/audit/projects/asthma/export.csv?user=trevolution");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(timeline.select("table.events tbody tr"))
        .isNotEmpty()
        .allSatisfy(row -> assertThat(row.select("td").get(4).text()).isEqualTo("deny"));
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.body())
        .startsWith(
            "time,kind,user,project,app,outcome,reason,request_id,client_address,count,actor\r\n")
        .contains(",launch,trevolution,asthma,jupyterhub,allow,");
  }

  @Test
  void timelineWhenFiltersAreMalformedThenBadRequestWithReasonNeverAServerError() {
    Browserless admin = newBrowser();
    admin.login("alwin", "k8tre");
    String timeline = "/audit/projects/asthma";

    // Not a filter: ignored, not bound.
    assertThat(admin.get(timeline + "?user%5B0%5D=x&app.x=1").statusCode()).isEqualTo(200);
    for (String query :
        List.of("?user=%00", "?app=a%0Ab", "?user=" + "u".repeat(300), "?outcome=%1B")) {
      HttpResponse<String> page = admin.get(timeline + query);
      assertThat(page.statusCode()).as(query).isEqualTo(400);
      assertThat(page.body()).as(query).contains("filter.value");
    }
    // PostgreSQL's timestamps end long before Java's dates do.
    for (String query :
        List.of("?from=%2B999999999-12-31", "?to=-999999999-01-01", "?from=0999-12-31")) {
      HttpResponse<String> page = admin.get(timeline + "/export.csv" + query);
      assertThat(page.statusCode()).as(query).isEqualTo(400);
      assertThat(page.body()).as(query).contains("filter.date");
    }
  }

  @Test
  void indexWhenAdminOfSomeProjectsThenListsThoseAndTheDashboardLinksThem() {
    // Admin groups in the samples: trevolution is in diabetes-admin; alwin in all three.
    Browserless trevolution = newBrowser();
    trevolution.login("trevolution", "k8tre");
    Browserless alwin = newBrowser();
    alwin.login("alwin", "k8tre");

    assertThat(trails(trevolution.get("/audit"))).containsExactly("diabetes");
    assertThat(trails(alwin.get("/audit"))).containsExactly("asthma", "diabetes", "hypertension");
    Document dashboard = Jsoup.parse(trevolution.get("/projects").body());
    assertThat(dashboard.select(".project-card a[href^=/audit/projects/]"))
        .extracting(a -> a.attr("href"))
        .containsExactly("/audit/projects/diabetes");
    assertThat(Jsoup.parse(trevolution.get("/projects/diabetes/apps").body()).select("a"))
        .extracting(a -> a.attr("href"))
        .contains("/audit/projects/diabetes");
    assertThat(Jsoup.parse(trevolution.get("/projects/asthma/apps").body()).select("a"))
        .extracting(a -> a.attr("href"))
        .doesNotContain("/audit/projects/asthma");
  }

  @Test
  void platformAdminWhenAccountDisabledInTheDirectoryThenAdminRightsEndWithinSeconds()
      throws Exception {
    Browserless admin = newBrowser();
    admin.login("k8tre-user", "k8tre");
    assertThat(admin.get("/audit/projects/asthma").statusCode()).isEqualTo(200);
    Path users = DIRECTORY.resolve("users.yaml");
    String before = Files.readString(users);
    String enabled = "username: k8tre-user\n  email: k8tre-user@k8tre.io\n  enabled: true";
    assertThat(before).contains(enabled);
    try {
      Files.writeString(users, before.replace(enabled, enabled.replace("true", "false")));

      await()
          .atMost(Duration.ofSeconds(3))
          .until(() -> admin.get("/audit/projects/asthma").statusCode() == 403);
      assertThat(admin.get("/audit").statusCode()).isEqualTo(403);
      assertThat(admin.get("/sessions?user=alwin").statusCode()).isEqualTo(403);
    } finally {
      Files.writeString(users, before);
    }
    await()
        .atMost(Duration.ofSeconds(3))
        .until(() -> admin.get("/audit/projects/asthma").statusCode() == 200);
  }

  @Test
  void launchWhenRefusedThenRecordedInTheProjectsTrailWithTheReason() {
    Browserless trevolution = newBrowser();
    trevolution.login("trevolution", "k8tre");
    Browserless test = newBrowser();
    test.login("test", "k8tre");

    assertThat(trevolution.get("/launch/hypertension/jupyterhub").statusCode()).isEqualTo(403);
    assertThat(test.get("/launch/asthma/jupyterhub").statusCode()).isEqualTo(403);

    log.flush();
    assertThat(
            store.find(new AuditQuery("hypertension", "trevolution", null, "deny", null, null, 50)))
        .anySatisfy(
            e -> {
              assertThat(e.kind()).isEqualTo("launch");
              assertThat(e.app()).isEqualTo("jupyterhub");
              assertThat(e.reason()).isEqualTo("project.not-member");
            });
    assertThat(store.find(new AuditQuery("asthma", "test", null, "deny", null, null, 50)))
        .anySatisfy(
            e -> {
              assertThat(e.kind()).isEqualTo("launch");
              assertThat(e.reason()).isEqualTo("user.disabled");
            });
  }

  @Test
  void indexWhenDisabledAccountThenForbidden() {
    Browserless test = newBrowser();
    test.login("test", "k8tre");

    HttpResponse<String> page = test.get("/audit");

    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("audit.not-admin");
  }

  @Test
  void timelineWhenProjectNoLongerInTheDirectoryThenPlatformAdminReadsItWithANotice() {
    Browserless admin = newBrowser();
    admin.login("k8tre-user", "k8tre");

    HttpResponse<String> opened = admin.get("/audit/open?project=%20retired-study%20");
    HttpResponse<String> page = admin.get("/audit/projects/retired-study");

    assertThat(opened.statusCode()).isEqualTo(302);
    assertThat(Browserless.location(opened)).endsWith("/audit/projects/retired-study");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(page.body()).select(".notice").text())
        .contains("no project of this name in the directory");
    assertThat(admin.get("/audit/open?project=Bad_Name%0D%0AX:1").statusCode()).isEqualTo(404);
    assertThat(Browserless.location(admin.get("/audit/open"))).endsWith("/audit");
  }

  private static List<String> trails(HttpResponse<String> index) {
    assertThat(index.statusCode()).isEqualTo(200);
    return Jsoup.parse(index.body()).select(".project-card h2 a").eachText();
  }

  @Test
  void timelineWhenNotAnAdminThenForbidden() {
    Browserless researcher = newBrowser();
    researcher.login("trevolution", "k8tre");

    HttpResponse<String> page = researcher.get("/audit/projects/asthma");

    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("audit.not-admin");
  }

  @Test
  void timelineWhenPlatformAdminThenAnyProject() {
    Browserless platform = newBrowser();
    platform.login("k8tre-user", "k8tre");

    assertThat(platform.get("/audit/projects/asthma").statusCode()).isEqualTo(200);
  }

  @Test
  void activityShowsOnlyOnesOwnEvents() {
    Browserless browser = newBrowser();
    browser.login("alwin", "k8tre");
    log.flush();

    Document page = Jsoup.parse(browser.get("/activity").body());

    assertThat(page.select("table.events tbody tr td:nth-child(2)").eachText()).contains("login");
    assertThat(page.text()).doesNotContain("trevolution");
  }

  @Test
  void prometheusExposesGatewayAuditSessionAndDirectoryMetrics() {
    Browserless browser = newBrowser();
    browser.login("trevolution", "k8tre");
    browser.get("/launch/asthma/jupyterhub");
    browser.validate(HUB + "/hub/home", Map.of());

    String metrics = newBrowser().getAccepting("/actuator/prometheus", "text/plain").body();

    assertThat(metrics)
        .contains(
            "portal_gateway_decisions_total{",
            "decision=\"allow\"",
            "portal_gateway_latency_seconds_bucket",
            "portal_audit_buffer_depth",
            "portal_audit_dropped_total",
            "portal_sessions_active",
            "portal_directory_snapshot_age_seconds",
            "portal_directory_users");
  }

  @Test
  void healthGroupsReportDependenciesButReadinessOnlyTheDirectory() {
    HttpResponse<String> readiness = newBrowser().getJson("/actuator/health/readiness");
    HttpResponse<String> dependencies = newBrowser().getJson("/actuator/health/dependencies");

    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body()).contains("\"directory\"").doesNotContain("\"keycloak\"", "\"db\"");
    assertThat(dependencies.body()).contains("\"keycloak\"", "\"db\"", "\"directory\"");
  }
}
