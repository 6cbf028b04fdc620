package io.k8tre.cli.secrets;

import java.util.List;
import java.util.Optional;

/**
 * A parsed secrets spec: the file format of K8TRE's CI secrets ({@code namespace}, then {@code
 * secrets[]} of {@code name}, {@code type} and {@code data[]} of {@code key}/{@code value}).
 *
 * @param namespace the spec's own target namespace, used when the command line names none
 */
record SecretsSpec(Optional<String> namespace, List<Entry> secrets) {

  /** How one Secret is handled, from its {@code type}. */
  enum Kind {
    /** {@code generic} or {@code opaque}: an Opaque Secret this tool writes. */
    OPAQUE,
    /** {@code tls}: certificates belong to cert-manager, so the entry is skipped. */
    TLS
  }

  record Entry(String name, Kind kind, List<Key> keys) {}

  record Key(String name, ValueSource source) {}
}
