package io.k8tre.portal.access;

/**
 * The outcome of an access check.
 *
 * @param allowed whether access is granted
 * @param reason why; {@link AccessReason#MEMBER} exactly when allowed
 */
public record Decision(boolean allowed, AccessReason reason) {

  private static final Decision ALLOW = new Decision(true, AccessReason.MEMBER);

  /** Keeps allowed and reason consistent, so no caller can build an allow with a deny reason. */
  public Decision {
    if (allowed != (reason == AccessReason.MEMBER)) {
      throw new IllegalArgumentException("allowed=" + allowed + " does not fit " + reason);
    }
  }

  /** Returns the decision that grants access. */
  public static Decision allow() {
    return ALLOW;
  }

  /**
   * Returns a decision that denies access.
   *
   * @param reason why; anything but {@link AccessReason#MEMBER}
   * @return the decision
   */
  public static Decision deny(AccessReason reason) {
    return new Decision(false, reason);
  }
}
