package io.k8tre.portal.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8tre.portal.support.Browserless;
import io.k8tre.portal.support.PortalIT;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonParserFactory;

/** The login flow against the real Keycloak, with sessions in the real PostgreSQL. */
class LoginIT extends PortalIT {

  @Test
  void loginWhenPasswordRightThenProjectsAreExactlyTheUsersOwn() {
    Browserless browser = newBrowser();

    HttpResponse<String> landed = browser.login("trevolution", "k8tre");
    HttpResponse<String> projects = browser.getJson("/api/projects");

    assertThat(landed.statusCode()).isEqualTo(200);
    assertThat(landed.uri().getPath()).isEqualTo("/projects");
    assertThat(projects.statusCode()).isEqualTo(200);
    assertThat(projectNames(projects.body())).containsExactly("asthma", "diabetes");
  }

  @Test
  void loginWhenStartedThenKeycloakIsAskedForPkceStateAndNonce() {
    Browserless browser = newBrowser();

    HttpResponse<String> toKeycloak =
        browser.followUntil(browser.get("/login"), "http://localhost:8180");
    String authorize = Browserless.location(toKeycloak);

    assertThat(authorize)
        .startsWith("http://localhost:8180/realms/k8tre-app/protocol/openid-connect/auth");
    assertThat(authorize)
        .contains("code_challenge=", "code_challenge_method=S256", "state=", "nonce=");
    assertThat(authorize).contains("redirect_uri=" + PORTAL + "/auth/callback");
  }

  @Test
  void loginWhenRedirectTargetGivenThenPersonReturnsThere() {
    Browserless browser = newBrowser();

    HttpResponse<String> landed =
        browser.followUntil(
            browser.submitKeycloakLogin("/projects/asthma/apps", "alwin", "k8tre"), null);

    assertThat(landed.uri().getPath()).isEqualTo("/projects/asthma/apps");
    assertThat(landed.statusCode()).isEqualTo(200);
  }

  @Test
  void loginWhenPasswordWrongThenKeycloakSaysSoAndNoSessionExists() {
    Browserless browser = newBrowser();

    HttpResponse<String> answer = browser.submitKeycloakLogin(null, "trevolution", "wrong");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("Invalid username or password");
    assertThat(browser.getJson("/api/projects").statusCode()).isEqualTo(401);
  }

  @Test
  void callbackWhenStateTamperedThenFailurePageAndNoSession() {
    Browserless browser = newBrowser();
    String callback =
        Browserless.location(browser.submitKeycloakLogin(null, "trevolution", "k8tre"));

    String tampered = callback.replaceFirst("state=[^&]+", "state=forged-state-value");
    HttpResponse<String> page = browser.followUntil(browser.get(tampered), null);

    assertThat(page.statusCode()).isEqualTo(401);
    assertThat(page.body()).contains("Sign-in failed", "authorization_request_not_found");
    assertThat(browser.getJson("/api/projects").statusCode()).isEqualTo(401);
  }

  @Test
  void callbackWhenReplayedThenFailurePageAndTheReplayGivesNoSession() {
    Browserless browser = newBrowser();
    String callback =
        Browserless.location(browser.submitKeycloakLogin(null, "trevolution", "k8tre"));
    assertThat(browser.followUntil(browser.get(callback), null).statusCode()).isEqualTo(200);
    Browserless attacker = newBrowser();

    HttpResponse<String> replay = browser.followUntil(browser.get(callback), null);
    HttpResponse<String> stolen = attacker.followUntil(attacker.get(callback), null);

    assertThat(replay.statusCode()).isEqualTo(401);
    assertThat(replay.body()).contains("Sign-in failed");
    assertThat(stolen.statusCode()).isEqualTo(401);
    assertThat(attacker.getJson("/api/projects").statusCode()).isEqualTo(401);
    // A forged or replayed callback link must not sign a person out either.
    assertThat(browser.getJson("/api/projects").statusCode()).isEqualTo(200);
  }

  @Test
  void callbackWhenOpenedInAnotherBrowserThenFailurePageAndNoSessionInEither() {
    Browserless victim = newBrowser();
    String callback =
        Browserless.location(victim.submitKeycloakLogin(null, "trevolution", "k8tre"));
    Browserless other = newBrowser();

    HttpResponse<String> page = other.followUntil(other.get(callback), null);

    assertThat(page.statusCode()).isEqualTo(401);
    assertThat(page.body()).contains("different browser");
    assertThat(other.getJson("/api/projects").statusCode()).isEqualTo(401);
    assertThat(victim.getJson("/api/projects").statusCode()).isEqualTo(401);
  }

  @Test
  void loginWhenRedirectLeavesTheEnvironmentThenRefusedBeforeAnyLogin() {
    Browserless browser = newBrowser();

    HttpResponse<String> answer = browser.get("/login?redirect=%2F%2Fevil.example%2F");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("redirect.other-origin");
    assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(browser.cookie("k8tre-session")).isEmpty();
  }

  @Test
  void loginWhenCompletedThenSessionCookieIsHostOnlyHttpOnlyLaxAndRenewed() {
    Browserless browser = newBrowser();
    String callback =
        Browserless.location(browser.submitKeycloakLogin(null, "trevolution", "k8tre"));
    String before = browser.cookie("k8tre-session").orElseThrow();

    HttpResponse<String> answer = browser.get(callback);

    List<String> setCookies = answer.headers().allValues("Set-Cookie");
    assertThat(setCookies).anySatisfy(c -> assertThat(c).startsWith("k8tre-session="));
    String sessionCookie =
        setCookies.stream().filter(c -> c.startsWith("k8tre-session=")).findFirst().orElseThrow();
    assertThat(sessionCookie)
        .contains("HttpOnly", "SameSite=Lax")
        .doesNotContainIgnoringCase("Domain=");
    assertThat(browser.cookie("k8tre-session").orElseThrow()).isNotEqualTo(before);
  }

  @Test
  void logoutWhenDoneThenSessionEndsAndKeycloakAsksForThePasswordAgain() {
    Browserless browser = newBrowser();
    browser.login("trevolution", "k8tre");
    String csrf =
        org.jsoup.Jsoup.parse(browser.get("/logout").body())
            .selectFirst("input[name=_csrf]")
            .attr("value");

    HttpResponse<String> landed =
        browser.followUntil(browser.postForm("/logout", java.util.Map.of("_csrf", csrf)), null);

    assertThat(landed.uri().getPath()).isEqualTo("/logged-out");
    assertThat(landed.body()).contains("You are signed out");
    assertThat(browser.getJson("/api/projects").statusCode()).isEqualTo(401);
    HttpResponse<String> again = browser.followUntil(browser.get("/login"), null);
    assertThat(again.body()).contains("kc-form-login");
  }

  @SuppressWarnings("unchecked") // the JSON shape is {"projects":[{"name":..}]}
  private static List<String> projectNames(String json) {
    Object projects = JsonParserFactory.getJsonParser().parseMap(json).get("projects");
    return ((List<java.util.Map<String, Object>>) projects)
        .stream().map(p -> (String) p.get("name")).toList();
  }
}
