package io.k8tre.portal.launch;

/** Where and as whom Guacamole logs in to a desktop. Not a record: its toString would leak. */
final class RdpCredentials {

  private final String host;
  private final String username;
  private final String password;

  RdpCredentials(String host, String username, String password) {
    this.host = host;
    this.username = username;
    this.password = password;
  }

  String host() {
    return host;
  }

  String username() {
    return username;
  }

  String password() {
    return password;
  }

  @Override
  public String toString() {
    return "RdpCredentials[host=" + host + ", username=" + username + ", password=***]";
  }
}
