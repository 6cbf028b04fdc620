package io.k8tre.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8tre.portal.config.PortalProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditSettingsRuleTest {

  @Test
  void checkWhenAuditOffInProductionThenRefusedNamingTheSetting() {
    assertThat(check(PortalProperties.Mode.PRODUCTION, false, 10_000, Duration.ofMinutes(5)))
        .singleElement()
        .asString()
        .startsWith("portal.audit.enabled=false")
        .contains("production");
  }

  @Test
  void checkWhenAuditOffInDemoThenAllowed() {
    assertThat(check(PortalProperties.Mode.DEMO, false, 10_000, Duration.ofMinutes(5))).isEmpty();
    assertThat(check(PortalProperties.Mode.PRODUCTION, true, 10_000, Duration.ofMinutes(5)))
        .isEmpty();
  }

  @Test
  void checkWhenBufferEmptyOrIntervalZeroThenOneProblemEach() {
    assertThat(check(PortalProperties.Mode.PRODUCTION, true, 0, Duration.ZERO))
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).startsWith("portal.audit.buffer-size=0"))
        .anySatisfy(p -> assertThat(p).startsWith("portal.audit.fold-interval=PT0S"));
  }

  private static List<String> check(
      PortalProperties.Mode mode, boolean enabled, int buffer, Duration fold) {
    AuditProperties audit =
        new AuditProperties(
            Duration.ofDays(400),
            buffer,
            fold,
            "{project}-admin",
            "/platform-admins",
            "k8tre-platform-admin",
            enabled);
    List<String> problems = new ArrayList<>();
    new AuditSettingsRule(audit)
        .check(new PortalProperties(mode, null, null, null, null), problems);
    return problems;
  }
}
