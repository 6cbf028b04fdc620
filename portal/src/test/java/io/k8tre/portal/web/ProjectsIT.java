package io.k8tre.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8tre.portal.support.Browserless;
import io.k8tre.portal.support.PortalIT;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The dashboard pages and their JSON twins for real logged-in people. */
class ProjectsIT extends PortalIT {

  @Test
  void projectsWhenTrevolutionThenTwoCardsWithDescriptions() {
    Browserless browser = newBrowser();
    browser.login("trevolution", "k8tre");

    Document page = Jsoup.parse(browser.get("/projects").body());

    assertThat(page.select(".project-card h2").eachText()).containsExactly("asthma", "diabetes");
    assertThat(page.select(".project-card p.description").eachText())
        .containsExactly("Asthma research project", "Diabetes research project");
  }

  @Test
  void appsWhenMemberThenOneCardPerAppWithTypeAndLaunch() {
    Browserless browser = newBrowser();
    browser.login("trevolution", "k8tre");

    Document page = Jsoup.parse(browser.get("/projects/asthma/apps").body());

    assertThat(page.select(".app-card h2").eachText()).containsExactly("jupyterhub", "guacamole");
    assertThat(page.select(".app-card .app-type span").eachText())
        .containsExactly("jupyterhub", "vdi");
    assertThat(page.select(".app-card a.button").eachAttr("href"))
        .containsExactly("/launch/asthma/jupyterhub", "/launch/asthma/guacamole");
  }

  @Test
  void appsWhenNotMemberThenForbiddenPageSaysWhyWithRequestId() {
    Browserless browser = newBrowser();
    browser.login("trevolution", "k8tre");

    HttpResponse<String> answer = browser.get("/projects/hypertension/apps");
    Document page = Jsoup.parse(answer.body());

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(page.selectFirst("code.reason").text()).isEqualTo("project.not-member");
    assertThat(page.selectFirst("code.request-id").text())
        .isEqualTo(answer.headers().firstValue("X-Request-ID").orElseThrow());
    assertThat(answer.body()).doesNotContain("Exception", "at io.k8tre");
  }

  @Test
  void appsWhenProjectUnknownThenNotFoundPage() {
    Browserless browser = newBrowser();
    browser.login("trevolution", "k8tre");

    HttpResponse<String> answer = browser.get("/projects/no-such-project/apps");

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(Jsoup.parse(answer.body()).selectFirst("code.reason").text())
        .isEqualTo("project.unknown");
  }

  @Test
  void apiAppsWhenNotMemberThenJsonForbiddenWithReason() {
    Browserless browser = newBrowser();
    browser.login("trevolution", "k8tre");

    HttpResponse<String> answer = browser.getJson("/api/projects/hypertension/apps");

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(answer.body()).contains("\"reason\":\"project.not-member\"", "\"requestId\":");
  }

  @Test
  void apiAppsWhenMemberThenAppsWithTypeAndUrl() {
    Browserless browser = newBrowser();
    browser.login("alwin", "k8tre");

    HttpResponse<String> answer = browser.getJson("/api/projects/hypertension/apps");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body())
        .contains("\"name\":\"guacamole\"", "\"type\":\"vdi\"", "https://guacamole.dev-k8tre.org");
  }

  @Test
  void projectsWhenUserDisabledThenNoProjectsAndTheReason() {
    Browserless browser = newBrowser();
    browser.login("test", "k8tre");

    Document page = Jsoup.parse(browser.get("/projects").body());

    assertThat(page.select(".project-card")).isEmpty();
    assertThat(page.select(".notice code").text()).isEqualTo("user.disabled");
    assertThat(browser.getJson("/api/projects/asthma/apps").statusCode()).isEqualTo(403);
  }

  @Test
  void projectAddressWithoutAppsThenSentToTheAppsPage() {
    Browserless browser = newBrowser();
    browser.login("trevolution", "k8tre");

    HttpResponse<String> answer = browser.get("/projects/asthma");

    assertThat(answer.statusCode()).isEqualTo(302);
    assertThat(Browserless.location(answer)).endsWith("/projects/asthma/apps");
  }

  @Test
  void pageWhenNotLoggedInThenLoginWithWayBack() {
    Browserless browser = newBrowser();

    HttpResponse<String> answer = browser.get("/projects/asthma/apps");

    assertThat(answer.statusCode()).isEqualTo(302);
    assertThat(Browserless.location(answer))
        .endsWith("/login?redirect=%2Fprojects%2Fasthma%2Fapps");
  }

  @Test
  void apiWhenNotLoggedInThenJson401NotRedirect() {
    HttpResponse<String> answer = newBrowser().getJson("/api/projects");

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).contains("not_authenticated");
  }

  @Test
  void healthWhenReadyThenHealthy() {
    HttpResponse<String> answer = newBrowser().getJson("/health");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"status\":\"healthy\"");
    assertThat(newBrowser().getJson("/actuator/health/readiness").statusCode()).isEqualTo(200);
  }
}
