package io.k8tre.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8tre.e2e.support.Chromium;
import io.k8tre.e2e.support.E2eStack;
import io.k8tre.e2e.support.Http;
import io.k8tre.e2e.support.PortalBrowser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * alwin has a notebook open in one tab and signs out of the portal in another. Whatever the
 * notebook tab, or anyone holding a copy of its cookies, asks for afterwards is refused.
 */
class PortalLogoutE2E {

  private static final String HUB_USER = "alwin-asthma";
  private static final URI CONTENTS =
      URI.create(E2eStack.HUB + "/user/" + HUB_USER + "/api/contents");

  private static PortalBrowser browser;
  private static String notebookTab;
  private static String cookiesBeforeLogout;

  @BeforeAll
  static void launchThenLogOutInAnotherTab() throws Exception {
    E2eStack.get();
    browser = PortalBrowser.open();
    browser.logIn("alwin");
    browser.launch("asthma", "jupyterhub");
    browser.awaitNotebookServer(HUB_USER);
    notebookTab = browser.driver().getWindowHandle();
    cookiesBeforeLogout = browser.cookieHeader();
    assertThat(cookiesBeforeLogout).contains("k8tre-auth-token-asthma=");

    browser.driver().switchTo().newWindow(WindowType.TAB);
    browser.logOut();
    browser.driver().switchTo().window(notebookTab);
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void afterLogoutFetchFromTheNotebookTabGetsJson401NotARedirect() {
    String answer = browser.fetchFromPage(CONTENTS.getPath(), "Accept: application/json");

    assertThat(answer).startsWith("401|false|application/json|");
    assertThat(answer).contains("\"reason\":\"token.missing\"");
  }

  @Test
  void afterLogoutPageLoadOfTheHubIsSentToThePortalsLogin() {
    HttpResponse<String> answer =
        Http.get(
            URI.create(E2eStack.HUB + "/hub/home"),
            Http.with(Http.PAGE_LOAD, Map.of("Cookie", browser.cookieHeader())));

    assertThat(answer.statusCode()).isEqualTo(302);
    assertThat(answer.headers().firstValue("Location"))
        .hasValue(
            E2eStack.PORTAL
                + "/login?redirect="
                + URLEncoder.encode(E2eStack.HUB + "/hub/home", StandardCharsets.UTF_8));
  }

  @Test
  void afterLogoutOpeningTheNotebookAgainAsksForThePassword() throws Exception {
    browser.driver().switchTo().newWindow(WindowType.TAB);
    try {
      browser.driver().get(E2eStack.HUB + "/user/" + HUB_USER + "/tree");

      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
      Chromium.screenshot(browser.driver(), "jupyterhub-after-logout-keycloak-form");
      assertThat(browser.driver().getCurrentUrl()).startsWith("http://localhost:8180/realms/");
      assertThat(browser.driver().getCurrentUrl())
          .contains("redirect_uri=" + E2eStack.PORTAL + "/auth/callback");
    } finally {
      browser.driver().close();
      browser.driver().switchTo().window(notebookTab);
    }
  }

  @Test
  void afterLogoutReplayedCookiesGet401ForScripts() {
    HttpResponse<String> answer =
        Http.get(CONTENTS, Http.with(Http.FETCH, Map.of("Cookie", cookiesBeforeLogout)));

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("Location")).isEmpty();
    assertThat(answer.body()).contains("\"reason\":\"session.ended\"");
  }

  @Test
  void afterLogoutReplayedCookiesGetTheLoginRedirectForPages() {
    HttpResponse<String> answer =
        Http.get(
            URI.create(E2eStack.HUB + "/user/" + HUB_USER + "/tree"),
            Http.with(Http.PAGE_LOAD, Map.of("Cookie", cookiesBeforeLogout)));

    assertThat(answer.statusCode()).isEqualTo(302);
    assertThat(answer.headers().firstValue("Location").orElseThrow())
        .startsWith(E2eStack.PORTAL + "/login?redirect=");
  }
}
