package io.k8tre.portal.launch;

import io.k8tre.portal.audit.AuditEvent;
import io.k8tre.portal.audit.AuditLog;
import io.k8tre.portal.directory.ProjectApp;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Project desktops: one VDIInstance per person and project, its progress, and the Guacamole sign-in
 * once it is ready. Callers check membership first; this class checks ownership, so a desktop name
 * in a URL never reaches someone else's desktop.
 */
public class DesktopLauncher {

  private static final Logger log = LoggerFactory.getLogger(DesktopLauncher.class);

  private final KubernetesDesktops desktops;
  private final GuacamoleClient guacamole;
  private final GuacamoleProperties settings;
  private final Clock clock;
  private final AuditLog audit;

  DesktopLauncher(
      KubernetesDesktops desktops,
      GuacamoleClient guacamole,
      GuacamoleProperties settings,
      Clock clock,
      AuditLog audit) {
    this.audit = audit;
    this.desktops = desktops;
    this.guacamole = guacamole;
    this.settings = settings;
    this.clock = clock;
  }

  /** Why a desktop is not handed out. */
  public enum Refusal {
    NOT_FOUND,
    NOT_OWNER
  }

  /** A lookup: the desktop, or why not. */
  public record Lookup(Desktop desktop, Refusal refusal) {}

  /** Where the browser goes after a connect attempt, or what went wrong. */
  public record Connection(String location, GuacamoleClient.Answer answer) {
    @Override
    public String toString() {
      return "Connection[answer=" + answer + "]";
    }
  }

  public Desktop launch(String user, String project, ProjectApp app) {
    KubernetesDesktops.Ensured ensured = desktops.ensure(user, project, app);
    Desktop desktop = ensured.desktop();
    // Created: a new VDIInstance; requested: the person's existing one, reused.
    record(
        ensured.created() ? "desktop.created" : "desktop.requested",
        user,
        project,
        app.name(),
        "ok",
        desktop.state().word());
    log.info(
        "Desktop requested: user={} project={} app={} resource.name={} state={}",
        user,
        project,
        app.name(),
        desktop.name(),
        desktop.state().word());
    return desktop;
  }

  public Lookup find(String user, String project, String name) {
    Optional<Desktop> found = desktops.find(project, name);
    if (found.isEmpty()) {
      return new Lookup(null, Refusal.NOT_FOUND);
    }
    if (!user.equals(found.get().owner()) || !project.equals(found.get().project())) {
      log.info(
          "Desktop refused: decision=deny decision.reason=desktop.not-owner user={} project={}"
              + " resource.name={}",
          user,
          project,
          name);
      record("desktop.deny", user, project, null, "deny", "desktop.not-owner");
      return new Lookup(null, Refusal.NOT_OWNER);
    }
    return new Lookup(found.get(), null);
  }

  public List<Desktop> list(String user) {
    return desktops.ownedBy(user);
  }

  /** Stops a desktop the caller owns (checked with {@link #find} first). */
  public void stop(String user, Desktop desktop) {
    desktops.delete(desktop.project(), desktop.name());
    record("desktop.stopped", user, desktop.project(), null, "ok", "desktop.stopped-by-owner");
    log.info(
        "Desktop stopped: user={} project={} resource.name={}",
        user,
        desktop.project(),
        desktop.name());
  }

  /**
   * Signs the person in to Guacamole for this one desktop.
   *
   * @param app the project app (its URL is where the browser goes; its config says about paste)
   * @return the Guacamole address with the session, or the answer that stopped it; empty when the
   *     desktop has no credentials yet
   */
  public Optional<Connection> connect(String user, Desktop desktop, ProjectApp app) {
    Optional<GuacamoleKey> key = settings.keyText().flatMap(GuacamoleKey::parse);
    if (key.isEmpty()) {
      log.warn("Desktop connect impossible: portal.guacamole.json-secret-key-file is unset");
      return Optional.of(new Connection(null, new GuacamoleClient.Refused(0)));
    }
    Optional<RdpCredentials> credentials = desktops.credentials(desktop.project(), desktop.name());
    if (credentials.isEmpty()) {
      return Optional.empty();
    }
    String connection = connectionName(desktop.project());
    long expires = clock.millis() + settings.tokenLifetime().toMillis();
    byte[] document =
        GuacamoleDocument.serialise(
            user, connection, "rdp", parameters(credentials.get(), app), expires);
    URI browserBase = URI.create(app.url());
    URI serverBase = settings.url() != null ? settings.url() : browserBase;

    GuacamoleClient.Answer answer =
        guacamole.exchange(serverBase, GuacamoleTokens.seal(key.get(), document));
    if (!(answer instanceof GuacamoleClient.Granted granted)) {
      return Optional.of(new Connection(null, answer));
    }
    desktops.recordActivity(desktop.project(), desktop.name(), clock.instant());
    record("desktop.connected", user, desktop.project(), app.name(), "allow", "access.member");
    log.info(
        "Desktop connected: user={} project={} resource.name={}",
        user,
        desktop.project(),
        desktop.name());
    String location =
        GuacamoleClient.stripSlash(browserBase.toString())
            + "/#/client/"
            + GuacamoleDocument.clientIdentifier(connection)
            + "?token="
            + URLEncoder.encode(granted.authToken(), StandardCharsets.UTF_8);
    return Optional.of(new Connection(location, answer));
  }

  /** ASCII only (guacamole-json.md §5): the name becomes part of the client identifier. */
  private void record(
      String kind, String user, String project, String app, String outcome, String reason) {
    audit.record(
        new AuditEvent(clock.instant(), kind, user, project, app, outcome, reason, null, null, 1));
  }

  static String connectionName(String project) {
    String ascii = project.replaceAll("[^A-Za-z0-9._-]", "_");
    return ascii + "-desktop";
  }

  /**
   * RDP to the desktop's Service. Copying out of the desktop is always off (data leaves a TRE only
   * through its airlock); paste into it is the project's choice, {@code paste: "true"} in the app
   * config.
   */
  static Map<String, String> parameters(RdpCredentials credentials, ProjectApp app) {
    boolean paste = "true".equalsIgnoreCase(app.config().getOrDefault("paste", "false"));
    Map<String, String> p = new LinkedHashMap<>();
    p.put("hostname", credentials.host());
    p.put("port", "3389");
    p.put("username", credentials.username());
    p.put("password", credentials.password());
    p.put("security", "any");
    p.put("ignore-cert", "true");
    p.put("resize-method", "reconnect");
    p.put("enable-drive", "false");
    p.put("disable-copy", "true");
    p.put("disable-paste", paste ? "false" : "true");
    return p;
  }

  Duration tokenLifetime() {
    return settings.tokenLifetime();
  }
}
