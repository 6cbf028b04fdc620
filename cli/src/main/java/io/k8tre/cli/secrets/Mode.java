package io.k8tre.cli.secrets;

/** What to do with a Secret that already exists. */
enum Mode {
  /** Leave it alone: running twice changes nothing. */
  CREATE_MISSING,
  /** Replace all its keys with freshly generated values. */
  OVERWRITE,
  /** Add the keys it lacks; a value already there is never regenerated. */
  MERGE_KEYS
}
