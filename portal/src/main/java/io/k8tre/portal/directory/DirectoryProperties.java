package io.k8tre.portal.directory;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the directory, under {@code portal.directory}.
 *
 * @param source where users, groups and projects are read from
 * @param folder the folder of YAML manifests when {@code source} is {@code FOLDER}
 * @param namespace the namespace of the resources when {@code source} is {@code KUBERNETES}
 * @param pollInterval how often the folder is checked for changes
 * @param identityGroup the API group of User and Group
 * @param researchGroup the API group of Project
 * @param vdiGroup the API group of VDIInstance
 * @param version the API version of all of them
 */
@ConfigurationProperties(prefix = "portal.directory")
public record DirectoryProperties(
    @DefaultValue("FOLDER") Source source,
    Path folder,
    @DefaultValue("keycloak") String namespace,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("identity.k8tre.io") String identityGroup,
    @DefaultValue("research.k8tre.io") String researchGroup,
    @DefaultValue("k8tre.io") String vdiGroup,
    @DefaultValue("v1alpha1") String version) {

  /** Where the directory is read from. */
  public enum Source {
    /** A folder of YAML manifests, watched for changes; the embedded default. */
    FOLDER,
    /** The cluster's custom resources, through shared informers. */
    KUBERNETES
  }
}
