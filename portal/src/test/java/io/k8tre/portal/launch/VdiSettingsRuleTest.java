package io.k8tre.portal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8tre.portal.config.PortalProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VdiSettingsRuleTest {

  private static final String KEY = "4c0b569e4c96df157eee1b65dd0e4d41";

  @Test
  void checkWhenProductionDesktopsOnAndNoKeyThenProblemNamesTheSetting() {
    List<String> problems = check(PortalProperties.Mode.PRODUCTION, true, null, "60s");

    assertThat(problems)
        .singleElement()
        .asString()
        .contains("PORTAL_GUACAMOLE_JSON_SECRET_KEY_FILE");
  }

  @Test
  void checkWhenKeyMalformedThenProblemShowsOnlyItsShape() {
    List<String> problems = check(PortalProperties.Mode.DEMO, true, "not-hex-secret", "60s");

    assertThat(problems).singleElement().asString().contains("14 characters");
    assertThat(problems.getFirst()).doesNotContain("not-hex-secret");
  }

  @Test
  void checkWhenTokenLifetimeOverAMinuteThenProblem() {
    assertThat(check(PortalProperties.Mode.PRODUCTION, true, KEY, "2m")).hasSize(1);
    assertThat(check(PortalProperties.Mode.PRODUCTION, true, KEY, "60s")).isEmpty();
    assertThat(check(PortalProperties.Mode.PRODUCTION, false, null, "60s")).isEmpty();
  }

  private static List<String> check(
      PortalProperties.Mode mode, boolean enabled, String key, String lifetime) {
    PortalProperties portal = new PortalProperties(mode, null, null, null, null);
    GuacamoleProperties guacamole =
        new GuacamoleProperties(
            null, key, null, Duration.parse("PT" + lifetime.toUpperCase()), Duration.ofSeconds(5));
    List<String> problems = new ArrayList<>();
    new VdiSettingsRule(new VdiProperties(enabled, false), guacamole).check(portal, problems);
    return problems;
  }
}
