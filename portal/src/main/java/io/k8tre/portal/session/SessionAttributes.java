package io.k8tre.portal.session;

/** Names of the portal's own attributes in the server-side session. */
public final class SessionAttributes {

  /** The stable portal-session id ({@link PortalSession#sid()}) of this login. */
  public static final String SID = "k8tre.sid";

  private SessionAttributes() {}
}
