package io.k8tre.portal.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * How pages show times and browsers, for people rather than machines: {@code 2026-12-04 17:07:38}
 * (UTC, as the tables' captions say) and {@code Chrome 131 on Linux}. Templates reach it as {@code
 * @display}; the exact value stays in the page as a title or a {@code datetime}.
 */
@Component("display")
public class Display {

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private static final Pattern BROWSER =
      Pattern.compile("(Edg|OPR|Firefox|Chrome|Chromium|Version)/(\\d+)");

  public String time(Instant at) {
    return at == null ? "" : SECONDS.format(at);
  }

  /** To the minute: for "last seen", which the portal notes at most once a minute. */
  public String minute(Instant at) {
    return at == null ? "" : MINUTES.format(at);
  }

  /** The browser and system a User-Agent names, or "Unknown browser"; the whole string is kept. */
  public String browser(String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return "Unknown browser";
    }
    // Edge and Opera also say Chrome, and Chrome also says Safari: the first of this order wins.
    Map<String, String> named = new HashMap<>();
    Matcher m = BROWSER.matcher(userAgent);
    while (m.find()) {
      named.putIfAbsent(m.group(1), m.group(2));
    }
    String name =
        Stream.of("Edg", "OPR", "Firefox", "Chromium", "Chrome", "Version")
            .filter(named::containsKey)
            .findFirst()
            .orElse("");
    String version = named.get(name);
    String browser =
        switch (name) {
          case "Edg" -> "Edge " + version;
          case "OPR" -> "Opera " + version;
          case "Version" -> userAgent.contains("Safari/") ? "Safari " + version : null;
          case "" -> null;
          default -> name + " " + version;
        };
    if (browser == null) {
      browser = userAgent.contains("curl/") ? "curl" : "Other browser";
    }
    String system = system(userAgent);
    return system == null ? browser : browser + " on " + system;
  }

  private static String system(String userAgent) {
    if (userAgent.contains("Android")) {
      return "Android";
    }
    if (userAgent.contains("iPhone") || userAgent.contains("iPad")) {
      return "iOS";
    }
    if (userAgent.contains("Windows")) {
      return "Windows";
    }
    if (userAgent.contains("Mac OS X") || userAgent.contains("Macintosh")) {
      return "macOS";
    }
    if (userAgent.contains("CrOS")) {
      return "ChromeOS";
    }
    if (userAgent.contains("Linux")) {
      return "Linux";
    }
    return null;
  }
}
