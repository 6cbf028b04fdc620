package io.k8tre.api;

/**
 * Names the portal and the VDI operator agree on for a {@link VDIInstance} and the objects made for
 * it. Both sides read these constants, so a rename cannot leave one of them behind.
 */
public final class VDIConventions {

  /** Label on the desktop and its objects: the owner, made label-safe (see the portal). */
  public static final String OWNER_LABEL = "k8tre.io/owner";

  /** Label on the desktop and its objects: the project. */
  public static final String PROJECT_LABEL = "k8tre.io/project";

  /** Label on the Pod and Service selector: the desktop's resource name. */
  public static final String DESKTOP_LABEL = "k8tre.io/vdi";

  /** Annotation naming the project app the desktop was launched from. */
  public static final String APP_ANNOTATION = "k8tre.io/app";

  /**
   * Annotation the portal sets to an RFC 3339 time each time someone connects; the operator stops
   * the desktop once it is older than the idle timeout. An annotation rather than a status field,
   * because the status belongs to the operator and a second writer would race its patches.
   */
  public static final String LAST_ACTIVITY_ANNOTATION = "k8tre.io/last-activity";

  /**
   * Annotation the operator sets just before it deletes a desktop on its own initiative, saying
   * why; the portal's audit reads it from the deleted resource. Absent when a person or another
   * tool deleted it.
   */
  public static final String STOP_REASON_ANNOTATION = "k8tre.io/stop-reason";

  /** {@link #STOP_REASON_ANNOTATION} value: nobody connected for longer than the idle timeout. */
  public static final String STOP_REASON_IDLE = "idle-timeout";

  /** Key of the RDP account name in the credentials Secret. */
  public static final String SECRET_USERNAME_KEY = "username";

  /** Key of the RDP password in the credentials Secret. */
  public static final String SECRET_PASSWORD_KEY = "password";

  /** Port name and number of RDP on the desktop's Service. */
  public static final int RDP_PORT = 3389;

  /** Port number of VNC on the desktop's Service. */
  public static final int VNC_PORT = 5900;

  private VDIConventions() {}

  /**
   * Name of the desktop's Pod and Service.
   *
   * @param desktop the {@link VDIInstance}'s name
   * @return {@code vdi-<desktop>}
   */
  public static String workloadName(String desktop) {
    return "vdi-" + desktop;
  }

  /**
   * Name of the Secret with the desktop's RDP credentials.
   *
   * @param desktop the {@link VDIInstance}'s name
   * @return {@code vdi-<desktop>-credentials}
   */
  public static String secretName(String desktop) {
    return "vdi-" + desktop + "-credentials";
  }

  /**
   * In-cluster DNS name of the desktop's Service.
   *
   * @param desktop the {@link VDIInstance}'s name
   * @param namespace the desktop's namespace
   * @return {@code vdi-<desktop>.<namespace>.svc.cluster.local}
   */
  public static String serviceHost(String desktop, String namespace) {
    return workloadName(desktop) + "." + namespace + ".svc.cluster.local";
  }
}
