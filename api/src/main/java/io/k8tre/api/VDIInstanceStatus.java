package io.k8tre.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import java.util.Map;

/**
 * Observed state of a {@link VDIInstance}.
 *
 * <p>The upstream operator wrote the desktop's password here. This model keeps only the name of the
 * Secret that holds the connection credentials, so reading the resource reveals no password.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class VDIInstanceStatus extends ResourceStatus {

  private String host;
  private String serviceHost;
  private String secretName;
  private String linuxUser;
  private String lastActivity;
  @PreserveUnknownFields private Map<String, Object> storage;

  /** Creates an empty status. */
  public VDIInstanceStatus() {}

  /**
   * Returns the host name Guacamole connects to.
   *
   * @return the host, or {@code null} until the desktop is provisioned
   */
  public String getHost() {
    return host;
  }

  /**
   * Sets the host name Guacamole connects to.
   *
   * @param host the host
   */
  public void setHost(String host) {
    this.host = host;
  }

  /**
   * Returns the in-cluster DNS name of the desktop's Service.
   *
   * @return the service host, or {@code null} until it exists
   */
  public String getServiceHost() {
    return serviceHost;
  }

  /**
   * Sets the in-cluster DNS name of the desktop's Service.
   *
   * @param serviceHost the service host
   */
  public void setServiceHost(String serviceHost) {
    this.serviceHost = serviceHost;
  }

  /**
   * Returns the name of the Secret holding the desktop's connection credentials.
   *
   * @return the Secret name, or {@code null} until it exists
   */
  public String getSecretName() {
    return secretName;
  }

  /**
   * Sets the name of the Secret holding the connection credentials.
   *
   * @param secretName the Secret name
   */
  public void setSecretName(String secretName) {
    this.secretName = secretName;
  }

  /**
   * Returns the Linux account the desktop session runs as.
   *
   * @return the account, or {@code null} until provisioned
   */
  public String getLinuxUser() {
    return linuxUser;
  }

  /**
   * Sets the Linux account the desktop session runs as.
   *
   * @param linuxUser the account
   */
  public void setLinuxUser(String linuxUser) {
    this.linuxUser = linuxUser;
  }

  /**
   * Returns when the desktop was last used, as an RFC 3339 time.
   *
   * @return the time, or {@code null} if never recorded
   */
  public String getLastActivity() {
    return lastActivity;
  }

  /**
   * Sets when the desktop was last used.
   *
   * @param lastActivity an RFC 3339 time
   */
  public void setLastActivity(String lastActivity) {
    this.lastActivity = lastActivity;
  }

  /**
   * Returns the operator's volume report ({@code pvcName}, {@code size}, {@code storageClass},
   * {@code persist}).
   *
   * @return the report, or {@code null} if none was written
   */
  public Map<String, Object> getStorage() {
    return storage;
  }

  /**
   * Sets the volume report.
   *
   * @param storage the report
   */
  public void setStorage(Map<String, Object> storage) {
    this.storage = storage;
  }
}
