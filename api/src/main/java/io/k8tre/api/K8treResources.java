package io.k8tre.api;

/**
 * Default API groups, version, kinds and plurals of the K8TRE custom resources.
 *
 * <p>These are the names of the upstream K8TRE flavour. Deployments that use another flavour (for
 * example {@code identity.karectl.io}) override the groups in configuration; code that reads
 * resources generically should take the group from there and only fall back to these values.
 */
public final class K8treResources {

  /** API group of {@link User} and {@link Group}. */
  public static final String IDENTITY_GROUP = "identity.k8tre.io";

  /** API group of {@link Project}. */
  public static final String RESEARCH_GROUP = "research.k8tre.io";

  /** API group of {@link VDIInstance}. */
  public static final String VDI_GROUP = "k8tre.io";

  /** Version served for every K8TRE kind. */
  public static final String VERSION = "v1alpha1";

  /** Kind of a person known to the environment. */
  public static final String USER_KIND = "User";

  /** Plural resource name of {@link #USER_KIND}. */
  public static final String USER_PLURAL = "users";

  /** Kind of a set of users that grants projects. */
  public static final String GROUP_KIND = "Group";

  /** Plural resource name of {@link #GROUP_KIND}. */
  public static final String GROUP_PLURAL = "groups";

  /** Kind of a research project and its apps. */
  public static final String PROJECT_KIND = "Project";

  /** Plural resource name of {@link #PROJECT_KIND}. */
  public static final String PROJECT_PLURAL = "projects";

  /** Kind of a per-user virtual desktop in a project. */
  public static final String VDI_INSTANCE_KIND = "VDIInstance";

  /** Plural resource name of {@link #VDI_INSTANCE_KIND}. */
  public static final String VDI_INSTANCE_PLURAL = "vdiinstances";

  /** Namespace where K8TRE keeps users, groups and projects by default. */
  public static final String DEFAULT_NAMESPACE = "keycloak";

  private K8treResources() {}
}
