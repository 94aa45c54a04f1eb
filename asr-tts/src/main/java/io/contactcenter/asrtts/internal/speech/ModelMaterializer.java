package io.contactcenter.asrtts.internal.speech;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a model packaged on the classpath a real directory, which libvosk needs. From exploded
 * classes the directory is used as it is; from a jar (a Spring Boot fat jar's {@code jar:nested:}
 * URLs too) the files are copied once into {@code <cacheDir>/<name>-<hash>}. The list of files
 * comes from an index written at build time ({@code <base>.files}, one relative path a line),
 * because a class loader cannot list a jar directory portably.
 */
final class ModelMaterializer {

  static final String MARKER = ".complete";
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
    String indexName = resourceBase + ".files";
    URL index = classLoader.getResource(indexName);
    if (index == null) {
      throw new IllegalStateException(
          "speech model " + resourceBase + " is not on the classpath (no " + indexName + ")");
    }
    URL folder = classLoader.getResource(resourceBase + "/");
    if (folder != null && "file".equals(folder.getProtocol())) {
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
      Path target = cacheDir.resolve(name + "-" + hash(resourceBase, indexBytes, uuid));
      if (Files.exists(target.resolve(MARKER))) {
        return target;
      }
      return copy(resourceBase, entries, target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy speech model " + resourceBase, e);
    }
  }

  private Path copy(String resourceBase, List<String> entries, Path target) throws IOException {
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

  static List<String> parseIndex(byte[] index) {
    return new String(index, StandardCharsets.UTF_8)
        .lines()
        .map(String::strip)
        .map(line -> line.replace('\\', '/'))
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  private static String hash(String resourceBase, byte[] index, byte[] uuid) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(resourceBase.getBytes(StandardCharsets.UTF_8));
      digest.update(index);
      digest.update(uuid);
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
