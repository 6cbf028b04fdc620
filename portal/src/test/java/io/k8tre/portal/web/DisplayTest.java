package io.k8tre.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DisplayTest {

  private final Display display = new Display();

  @Test
  void timeWhenNanosecondsThenSecondsInUtc() {
    Instant at = Instant.parse("2026-12-04T17:07:38.252443009Z");

    assertThat(display.time(at)).isEqualTo("2026-12-04 17:07:38");
    assertThat(display.minute(at)).isEqualTo("2026-12-04 17:07");
    assertThat(display.time(null)).isEmpty();
  }

  @Test
  void browserWhenWellKnownUserAgentsThenNameVersionAndSystem() {
    // User-Agent strings as these browsers send them (vendors' published formats).
    assertThat(
            display.browser(
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/131.0.0.0 Safari/537.36"))
        .isEqualTo("Chrome 131 on Linux");
    assertThat(
            display.browser(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86"))
        .isEqualTo("Edge 131 on Windows");
    assertThat(
            display.browser(
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.7; rv:133.0) Gecko/20100101"
                    + " Firefox/133.0"))
        .isEqualTo("Firefox 133 on macOS");
    assertThat(
            display.browser(
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15"
                    + " (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"))
        .isEqualTo("Safari 18 on iOS");
  }

  @Test
  void browserWhenMissingOrUnknownThenSaysSo() {
    assertThat(display.browser(null)).isEqualTo("Unknown browser");
    assertThat(display.browser("curl/8.5.0")).isEqualTo("curl");
    assertThat(display.browser("<script>x</script>")).isEqualTo("Other browser");
  }
}
