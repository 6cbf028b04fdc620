/**
 * Users, groups and projects, read from a folder of YAML manifests or from the cluster's custom
 * resources, published as immutable snapshots.
 *
 * <p>A source rebuilds a whole snapshot on every change and the {@link
 * io.k8tre.portal.directory.Directory} bean swaps it in one step; readers never lock and never call
 * out. Invalid manifests are skipped and listed in {@link
 * io.k8tre.portal.directory.DirectorySnapshot#problems()} rather than failing the load, so one bad
 * object cannot take everyone's access away.
 */
package io.k8tre.portal.directory;
