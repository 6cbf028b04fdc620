package io.k8tre.portal.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads typed fields from one part of a manifest and names the field that is wrong. */
final class SpecReader {

  private final String object;
  private final String path;
  private final Map<?, ?> fields;

  SpecReader(String object, Map<?, ?> spec) {
    this(object, "spec", spec);
  }

  private SpecReader(String object, String path, Map<?, ?> fields) {
    this.object = object;
    this.path = path;
    this.fields = fields;
  }

  SpecReader nested(String field, Map<?, ?> value) {
    return new SpecReader(object, path + "." + field, value);
  }

  InvalidManifestException invalid(String reason) {
    return new InvalidManifestException(object, reason);
  }

  String text(String field, String fallback) throws InvalidManifestException {
    Object value = fields.get(field);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      throw invalid(path + "." + field + " must be text");
    }
    return String.valueOf(value);
  }

  String required(String field) throws InvalidManifestException {
    String value = text(field, null);
    if (value == null || value.isBlank()) {
      throw invalid(path + "." + field + " is missing");
    }
    return value;
  }

  boolean flag(String field, boolean fallback) throws InvalidManifestException {
    Object value = fields.get(field);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    throw invalid(path + "." + field + " must be true or false");
  }

  /** Reads a list of names; absent means none. */
  List<String> names(String field) throws InvalidManifestException {
    List<String> names = new ArrayList<>();
    for (Object item : list(field)) {
      if (item == null || item instanceof Map<?, ?> || item instanceof List<?>) {
        throw invalid(path + "." + field + " must be a list of names");
      }
      names.add(String.valueOf(item).strip());
    }
    return names;
  }

  List<Map<?, ?>> maps(String field) throws InvalidManifestException {
    List<Map<?, ?>> maps = new ArrayList<>();
    for (Object item : list(field)) {
      if (!(item instanceof Map<?, ?> map)) {
        throw invalid(path + "." + field + " must be a list of objects");
      }
      maps.add(map);
    }
    return maps;
  }

  /** Reads {@code config} as text values, dropping empty ones. */
  Map<String, String> textMap() throws InvalidManifestException {
    Object value = fields.get("config");
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw invalid(path + ".config must be an object");
    }
    Map<String, String> copy = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> {
          if (v != null) {
            copy.put(String.valueOf(k), String.valueOf(v));
          }
        });
    return copy;
  }

  private List<?> list(String field) throws InvalidManifestException {
    Object value = fields.get(field);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw invalid(path + "." + field + " must be a list");
    }
    return list;
  }
}
