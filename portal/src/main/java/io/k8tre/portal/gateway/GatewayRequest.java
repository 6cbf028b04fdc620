package io.k8tre.portal.gateway;

import java.util.Map;

/**
 * What the gateway decides on, taken from nginx's auth sub-request.
 *
 * @param originalUrl the original request's full URL, or null when the caller is not a trusted
 *     proxy
 * @param host the original request's host (with a non-default port), or null likewise
 * @param path the original request's normalised path, or null when unknown
 * @param tokens project token cookies by project ({@code k8tre-auth-token-<project>})
 * @param currentProject the {@code k8tre-project} cookie, or null
 * @param bearer an {@code Authorization: Bearer} value, or null
 * @param apiCall whether the original request was a script's (JSON 401 instead of a login)
 */
public record GatewayRequest(
    String originalUrl,
    String host,
    String path,
    Map<String, String> tokens,
    String currentProject,
    String bearer,
    boolean apiCall) {}
