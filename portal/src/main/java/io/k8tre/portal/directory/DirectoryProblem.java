package io.k8tre.portal.directory;

/**
 * A manifest the directory skipped, and why.
 *
 * @param source the file it came from, or {@code kubernetes}
 * @param object {@code Kind/name}, or what is known of it
 * @param reason why it was skipped, for the person who maintains the manifests
 */
public record DirectoryProblem(String source, String object, String reason) {}
