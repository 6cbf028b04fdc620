package io.k8tre.operator;

import io.k8tre.api.SchedulingSpec;
import io.k8tre.api.VDIInstanceSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One desktop as the operator builds it: the resource's own settings merged with the project's
 * defaults and the operator's. Plain values only, so every builder that reads it is pure.
 *
 * @param name the VDIInstance's name
 * @param namespace its namespace ({@code project-<project>})
 * @param uid its uid, for owner references
 * @param user the owner's username
 * @param project the project
 * @param ownerLabel the owner label value the portal set (copied to every object)
 * @param image the desktop image
 * @param env extra variables from the spec
 * @param settings non-secret settings, passed on as {@code VDI_<NAME>} variables
 * @param scheduling where the Pod runs and its resources (spec, else project defaults)
 * @param idleTimeout how long the desktop may go unused
 */
record Desktop(
    String name,
    String namespace,
    String uid,
    String user,
    String project,
    String ownerLabel,
    String image,
    List<VDIInstanceSpec.EnvVar> env,
    Map<String, String> settings,
    SchedulingSpec scheduling,
    Duration idleTimeout) {

  Desktop {
    env = env == null ? List.of() : List.copyOf(env);
    settings = settings == null ? Map.of() : Map.copyOf(settings);
  }

  /**
   * The Linux account of the session: the upstream operator's {@code vdx-<user>-<project>} rule
   * (lower case, {@code [a-z0-9_-]} only, at most 32 characters), so home folders stay where
   * desktops made by that operator put them.
   */
  String linuxUser() {
    String raw = ("vdx-" + user + "-" + project).toLowerCase(java.util.Locale.ROOT);
    String kept = raw.replaceAll("[^a-z0-9_-]", "");
    return kept.length() > 32 ? kept.substring(0, 32) : kept;
  }
}
