package io.k8tre.portal.directory;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What one YAML file contributed: the objects read from it and the problems found, keyed by the
 * hash of its content so an unchanged file is not parsed again.
 */
record ManifestFile(Path path, String hash, List<Record> objects, List<DirectoryProblem> problems) {

  void addTo(SnapshotAssembler assembler) {
    String source = path.toString();
    objects.forEach(o -> assembler.add(source, o));
    problems.forEach(p -> assembler.problem(p.source(), p.object(), p.reason()));
  }

  /** Parses files; holds no state between calls except the converter's settings. */
  static final class Parser {

    private final ManifestConverter converter;
    private final ObjectReader yaml = new YAMLMapper().readerFor(Object.class);

    Parser(ManifestConverter converter) {
      this.converter = converter;
    }

    ManifestFile parse(Path path, byte[] content, ManifestFile previous) {
      String hash = sha256(content);
      if (previous != null && previous.hash().equals(hash)) {
        return previous;
      }
      List<Object> documents;
      try {
        documents = readAll(content);
      } catch (JacksonException e) {
        // Keep what the file said last time: an editor saving half a file must not lock
        // everyone out of their projects until the next save.
        List<Record> kept = previous == null ? List.of() : previous.objects();
        String reason = "not valid YAML (" + e.getOriginalMessage() + ")";
        if (!kept.isEmpty()) {
          reason += "; its previous contents stay in effect";
        }
        var problem = new DirectoryProblem(path.toString(), "(file)", reason);
        return new ManifestFile(path, hash, kept, List.of(problem));
      }
      return convertAll(path, hash, documents);
    }

    private ManifestFile convertAll(Path path, String hash, List<Object> documents) {
      List<Record> objects = new ArrayList<>();
      List<DirectoryProblem> problems = new ArrayList<>();
      for (int i = 0; i < documents.size(); i++) {
        Object document = documents.get(i);
        if (document == null) {
          continue;
        }
        if (!(document instanceof Map<?, ?> manifest)) {
          problems.add(
              new DirectoryProblem(path.toString(), "document " + (i + 1), "not a YAML mapping"));
          continue;
        }
        try {
          objects.add(converter.convert(manifest));
        } catch (InvalidManifestException e) {
          problems.add(new DirectoryProblem(path.toString(), e.object(), e.getMessage()));
        }
      }
      return new ManifestFile(path, hash, List.copyOf(objects), List.copyOf(problems));
    }

    private List<Object> readAll(byte[] content) {
      List<Object> documents = new ArrayList<>();
      try (MappingIterator<Object> it = yaml.readValues(content)) {
        while (it.hasNext()) {
          documents.add(it.next());
        }
      }
      return documents;
    }

    private static String sha256(byte[] content) {
      try {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java runtime provides SHA-256", e);
      }
    }
  }
}
