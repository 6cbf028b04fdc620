/**
 * The one place that decides whether a user may use a project or an app.
 *
 * <p>Kept free of Spring, servlet and Kubernetes types (checked by {@code AccessArchitectureTest})
 * so every rule can be tested on hand-made snapshots, and so the gateway, the dashboard and the
 * launchers cannot drift apart by each deciding in their own way.
 */
package io.k8tre.portal.access;
