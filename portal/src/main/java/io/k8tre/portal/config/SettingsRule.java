package io.k8tre.portal.config;

import java.util.List;

/**
 * A feature's own startup checks. Every rule runs before the portal starts serving, and all their
 * problems are reported together.
 */
public interface SettingsRule {

  /** Adds one line per problem: key, value (secrets by shape), rule and likely fix. */
  void check(PortalProperties portal, List<String> problems);
}
