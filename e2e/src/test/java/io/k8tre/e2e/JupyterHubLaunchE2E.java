package io.k8tre.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.k8tre.e2e.support.Chromium;
import io.k8tre.e2e.support.E2eStack;
import io.k8tre.e2e.support.Http;
import io.k8tre.e2e.support.PortalBrowser;
import io.k8tre.e2e.support.Timings;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * trevolution logs in to the portal, opens asthma and launches JupyterHub in a real browser; the
 * tests then look at what nginx and the hub make of that session while the tab stays open.
 */
class JupyterHubLaunchE2E {

  private static final String HUB_USER = "trevolution-asthma";

  private static E2eStack stack;
  private static PortalBrowser browser;

  @BeforeAll
  static void launchAsthmaNotebook() throws Exception {
    stack = E2eStack.get();
    browser = PortalBrowser.open();
    browser.logIn("trevolution");
    long clicked = System.nanoTime();
    browser.launch("asthma", "jupyterhub");
    browser.awaitNotebookServer(HUB_USER);
    Timings.record("Launch click to running single-user server (first spawn)", clicked);
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void launchWhenMemberThenOwnProjectServerRunsBehindNginx() throws Exception {
    Chromium.screenshot(browser.driver(), "jupyterhub-trevolution-asthma");

    assertThat(browser.driver().getCurrentUrl())
        .startsWith(E2eStack.HUB + "/user/" + HUB_USER + "/tree");
    assertThat(browser.driver().getTitle()).contains("Home");
    assertThat(browser.driver().findElements(By.id("notebook_list"))).isNotEmpty();

    // The hub's login cookie has Path=/hub/: read the cookies from a hub page.
    browser.driver().get(E2eStack.HUB + "/hub/home");
    try {
      assertThat(hubUserName(browser.cookieHeader(), Map.of())).isEqualTo(HUB_USER);
    } finally {
      browser.driver().get(E2eStack.HUB + "/user/" + HUB_USER + "/tree");
    }
  }

  @Test
  void kernelWebsocketThroughNginxRunsCode() {
    String answer =
        String.valueOf(
            ((JavascriptExecutor) browser.driver())
                .executeAsyncScript(
                    """
                    const done = arguments[arguments.length - 1];
                    const base = '/user/' + arguments[0];
                    const xsrf = document.cookie.split('; ')
                        .filter(c => c.startsWith('_xsrf=')).map(c => c.substring(6))[0];
                    setTimeout(() => done('timeout'), 25000);
                    fetch(base + '/api/kernels', {method: 'POST', body: '{}',
                        headers: {'X-XSRFToken': xsrf, 'Content-Type': 'application/json'}})
                      .then(r => r.json())
                      .then(kernel => {
                        const ws = new WebSocket('ws://' + location.host + base
                            + '/api/kernels/' + kernel.id + '/channels');
                        ws.onerror = () => done('websocket error');
                        ws.onopen = () => ws.send(JSON.stringify({
                          header: {msg_id: 'e2e-1', session: 'e2e', username: '',
                                   msg_type: 'execute_request', version: '5.3'},
                          parent_header: {}, metadata: {}, buffers: [], channel: 'shell',
                          content: {code: 'print(6 * 7)', silent: false, store_history: false,
                                    user_expressions: {}, allow_stdin: false}}));
                        ws.onmessage = event => {
                          const message = JSON.parse(event.data);
                          if (message.msg_type === 'stream') {
                            ws.close();
                            done(message.content.text.trim());
                          }
                        };
                      })
                      .catch(error => done('error ' + error));
                    """,
                    HUB_USER));

    assertThat(answer).isEqualTo("42");
  }

  @Test
  void clientOfferingHttp2UpgradeThenServedAsPlainRequestNotAWebsocket() {
    HttpResponse<String> answer =
        Http.getOfferingH2c(
            hub("/user/" + HUB_USER + "/tree"),
            Http.with(Http.PAGE_LOAD, Map.of("Cookie", browser.cookieHeader())));

    assertThat(answer.statusCode()).isEqualTo(200);
  }

  @Test
  void forgedIdentityHeadersWithoutTokenThenUnauthorized() {
    HttpResponse<String> answer =
        Http.get(hub("/hub/login?next=%2Fhub%2Fhome"), Http.with(Http.FETCH, forgedIdentity()));

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).contains("\"reason\":\"token.missing\"");
    assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
  }

  @Test
  void forgedIdentityHeadersWithValidTokenThenHubSeesTheGatewaysUser() {
    String projectCookies = browser.cookieHeader("k8tre-auth-token-asthma", "k8tre-project");
    Map<String, String> forged = Http.with(forgedIdentity(), Map.of("Cookie", projectCookies));

    HttpResponse<String> login =
        Http.get(hub("/hub/login?next=%2Fhub%2Fhome"), Http.with(Http.PAGE_LOAD, forged));

    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location")).hasValue("/hub/home");
    String hubCookies =
        String.join(
            "; ",
            login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("jupyterhub-"))
                .map(Http::cookiePair)
                .toList());
    assertThat(hubCookies).contains("jupyterhub-hub-login=");
    assertThat(hubUserName(projectCookies + "; " + hubCookies, forgedIdentity()))
        .isEqualTo(HUB_USER);
  }

  @Test
  void pathOfAnotherHubUserWithThisProjectsTokenThenForbidden() {
    HttpResponse<String> answer =
        Http.get(
            hub("/user/alwin-asthma/tree"),
            Http.with(Http.PAGE_LOAD, Map.of("Cookie", browser.cookieHeader())));

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("token.user-mismatch");
  }

  @Test
  void removedFromProjectThenNextHubRequestForbiddenAndAddedBackThenAllowed() throws Exception {
    String cookies = browser.cookieHeader();
    URI tree = hub("/user/" + HUB_USER + "/tree");
    Map<String, String> page = Http.with(Http.PAGE_LOAD, Map.of("Cookie", cookies));
    assertThat(Http.get(tree, page).statusCode()).isEqualTo(200);
    Path groups = stack.directory().resolve("groups.yaml");
    Path users = stack.directory().resolve("users.yaml");
    String groupsBefore = Files.readString(groups);
    String usersBefore = Files.readString(users);

    try {
      Files.writeString(groups, withoutMember(groupsBefore, "asthma-analyst", "trevolution"));
      Files.writeString(
          users,
          usersBefore.replace(
              "groups: [\"asthma-analyst\", \"diabetes-admin\"]", "groups: [\"diabetes-admin\"]"));
      long removed = System.nanoTime();
      await()
          .atMost(Duration.ofSeconds(2))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> Http.get(tree, page).statusCode() == 403);
      Timings.record("Membership removed to first 403 through nginx", removed);

      HttpResponse<String> denied = Http.get(tree, page);
      assertThat(denied.body()).contains("Access denied", "project.not-member");
      browser.driver().navigate().refresh();
      assertThat(browser.driver().getPageSource()).contains("project.not-member");
      Chromium.screenshot(browser.driver(), "jupyterhub-after-removal-403");
    } finally {
      Files.writeString(groups, groupsBefore);
      Files.writeString(users, usersBefore);
    }

    await()
        .atMost(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> Http.get(tree, page).statusCode() == 200);
    browser.driver().navigate().refresh();
    assertThat(browser.driver().getTitle()).contains("Home");
  }

  /** What a client might send to pass as someone else, in several spellings. */
  private static Map<String, String> forgedIdentity() {
    return Map.of(
        "X-Auth-User", "alwin",
        "Remote-User", "alwin",
        "x-auth-project", "hypertension",
        "X-Auth-Audience", "jupyterhub",
        "X-Auth-Stamp", Long.toString(System.currentTimeMillis() / 1000),
        "X-Auth-Signature", "0".repeat(64),
        "X-Auth-Groups", "/hypertension-admin",
        "X-Forwarded-User", "alwin",
        "X-Forwarded-For", "203.0.113.7");
  }

  /** The hub's own answer to "who am I" for these cookies (its API wants a same-site Referer). */
  private static String hubUserName(String cookies, Map<String, String> extra) {
    Map<String, String> headers =
        Http.with(
            Http.with(Http.FETCH, extra),
            Map.of("Cookie", cookies, "Referer", E2eStack.HUB + "/hub/home"));
    HttpResponse<String> me = Http.get(hub("/hub/api/user"), headers);
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    java.util.regex.Matcher name =
        java.util.regex.Pattern.compile("\"name\": ?\"([^\"]+)\"").matcher(me.body());
    assertThat(name.find()).as(me.body()).isTrue();
    return name.group(1);
  }

  private static String withoutMember(String groupsYaml, String group, String member) {
    StringBuilder out = new StringBuilder();
    for (String document : groupsYaml.split("(?m)^---$", -1)) {
      if (!out.isEmpty()) {
        out.append("---");
      }
      out.append(
          document.contains("name: " + group + "\n")
              ? document.replace("    - " + member + "\n", "")
              : document);
    }
    return out.toString();
  }

  private static URI hub(String pathAndQuery) {
    return URI.create(E2eStack.HUB + pathAndQuery);
  }
}
