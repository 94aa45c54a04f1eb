package io.contactcenter.asrtts.internal.speech;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a model packaged on the classpath a real directory, which libvosk needs. From exploded
 * classes the directory is used as it is; from a jar (a Spring Boot fat jar's {@code jar:nested:}
 * URLs too) the files are copied once into {@code <cacheDir>/<name>-<hash>}. The list of files
 * comes from an index written at build time ({@code <base>.files}, one relative path a line),
 * because a class loader cannot list a jar directory portably.
 *
 * <p>With decoder options to override, the model is always copied (never edited where it lies) and
 * {@code conf/model.conf} of the copy gets the options; they are part of the folder's hash, so
 * other options get another copy.
 */
final class ModelMaterializer {

  static final String MARKER = ".complete";
  static final String MODEL_CONF = "conf/model.conf";
  private static final Logger log = LoggerFactory.getLogger(ModelMaterializer.class);

  private final ClassLoader classLoader;
  private final Path cacheDir;

  ModelMaterializer(ClassLoader classLoader, Path cacheDir) {
    this.classLoader = classLoader;
    this.cacheDir = cacheDir;
  }

  /**
   * Returns a directory holding the model.
   *
   * @param resourceBase the model's classpath folder, such as {@code vosk-models/model-en-us}
   * @param name a short name for the cache folder, such as {@code en}
   * @throws IllegalStateException when the model is not on the classpath
   */
  Path materialize(String resourceBase, String name) {
    return materialize(resourceBase, name, Map.of());
  }

  /**
   * Returns a directory holding the model, with {@code --key=value} options replaced or added in
   * its {@code conf/model.conf}.
   */
  Path materialize(String resourceBase, String name, Map<String, String> confOverrides) {
    String indexName = resourceBase + ".files";
    URL index = classLoader.getResource(indexName);
    if (index == null) {
      throw new IllegalStateException(
          "speech model " + resourceBase + " is not on the classpath (no " + indexName + ")");
    }
    SortedMap<String, String> overrides = changes(resourceBase, confOverrides);
    URL folder = classLoader.getResource(resourceBase + "/");
    if (overrides.isEmpty() && folder != null && "file".equals(folder.getProtocol())) {
      try {
        return Path.of(folder.toURI());
      } catch (URISyntaxException | IllegalArgumentException e) {
        log.debug("model folder {} is not a plain file path; copying it", folder, e);
      }
    }
    try {
      byte[] indexBytes = read(indexName);
      List<String> entries = parseIndex(indexBytes);
      // Vosk models carry a uuid file that changes with every model release: part of the hash, so
      // an upgraded model never reuses an old copy.
      byte[] uuid = entries.contains("uuid") ? read(resourceBase + "/uuid") : new byte[0];
      Path target =
          cacheDir.resolve(name + "-" + hash(resourceBase, indexBytes, uuid, overrides.toString()));
      if (Files.exists(target.resolve(MARKER))) {
        return target;
      }
      return copy(resourceBase, entries, target, overrides);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy speech model " + resourceBase, e);
    }
  }

  private Path copy(
      String resourceBase, List<String> entries, Path target, Map<String, String> overrides)
      throws IOException {
    long started = System.nanoTime();
    Files.createDirectories(cacheDir);
    Path staging = Files.createTempDirectory(cacheDir, "." + target.getFileName() + "-");
    try {
      for (String entry : entries) {
        Path file = staging.resolve(entry).normalize();
        if (!file.startsWith(staging)) {
          throw new IllegalStateException("model index entry escapes the model folder: " + entry);
        }
        Files.createDirectories(file.getParent());
        try (InputStream in = classLoader.getResourceAsStream(resourceBase + "/" + entry)) {
          if (in == null) {
            throw new IllegalStateException(
                "model index lists " + entry + " but " + resourceBase + " has no such file");
          }
          Files.copy(in, file);
        }
      }
      if (!overrides.isEmpty()) {
        Path conf = staging.resolve(MODEL_CONF);
        Files.createDirectories(conf.getParent());
        List<String> lines =
            Files.exists(conf) ? Files.readAllLines(conf, StandardCharsets.UTF_8) : List.of();
        Files.write(conf, overrideOptions(lines, overrides), StandardCharsets.UTF_8);
      }
      Files.createFile(staging.resolve(MARKER));
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        // Either another process copied it first, or a folder half-copied before a crash is in
        // the way: only the marker tells them apart.
        if (!Files.exists(target.resolve(MARKER))) {
          deleteRecursively(target);
          Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        }
      }
      log.info(
          "copied speech model {} to {} in {} ms",
          resourceBase,
          target,
          (System.nanoTime() - started) / 1_000_000);
      return target;
    } finally {
      deleteRecursively(staging);
    }
  }

  private byte[] read(String resource) throws IOException {
    try (InputStream in = classLoader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("cannot read " + resource);
      }
      return in.readAllBytes();
    }
  }

  /** The overrides that change something in the packaged {@code conf/model.conf}. */
  private SortedMap<String, String> changes(String resourceBase, Map<String, String> overrides) {
    SortedMap<String, String> changes = new TreeMap<>(overrides);
    if (changes.isEmpty()) {
      return changes;
    }
    List<String> lines;
    try (InputStream in = classLoader.getResourceAsStream(resourceBase + "/" + MODEL_CONF)) {
      lines =
          in == null
              ? List.of()
              : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resourceBase + "/" + MODEL_CONF, e);
    }
    if (overrideOptions(lines, changes).equals(lines)) {
      changes.clear();
    }
    return changes;
  }

  /** Kaldi option lines with each overridden {@code --key=} line replaced, or added at the end. */
  static List<String> overrideOptions(List<String> lines, Map<String, String> overrides) {
    List<String> out = new ArrayList<>();
    Set<String> written = new HashSet<>();
    for (String line : lines) {
      String key = optionKey(line);
      if (key != null && overrides.containsKey(key)) {
        if (written.add(key)) {
          String value = overrides.get(key);
          out.add(
              sameValue(line.substring(line.indexOf('=') + 1).strip(), value)
                  ? line
                  : "--" + key + "=" + value);
        }
      } else {
        out.add(line);
      }
    }
    overrides.forEach(
        (key, value) -> {
          if (written.add(key)) {
            out.add("--" + key + "=" + value);
          }
        });
    return out;
  }

  private static boolean sameValue(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    try {
      return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String optionKey(String line) {
    String l = line.strip();
    int eq = l.indexOf('=');
    return l.startsWith("--") && eq > 2 ? l.substring(2, eq) : null;
  }

  static List<String> parseIndex(byte[] index) {
    return new String(index, StandardCharsets.UTF_8)
        .lines()
        .map(String::strip)
        .map(line -> line.replace('\\', '/'))
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  private static String hash(String resourceBase, byte[] index, byte[] uuid, String options) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(resourceBase.getBytes(StandardCharsets.UTF_8));
      digest.update(index);
      digest.update(uuid);
      if (!options.equals("{}")) {
        // Without overrides the hash stays what it was, so existing copies are still found.
        digest.update(options.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
