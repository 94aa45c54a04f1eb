package io.contactcenter.app.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The passwords of the embedded PostgreSQL, Redis and Kafka: generated on the first start into
 * {@code <data-dir>/credentials.properties}, readable and writable by the service user alone (mode
 * 600), and read from there on every later start. Never logged.
 *
 * @param postgres the password of PostgreSQL's {@code postgres} role
 * @param redis the password of Redis's {@code cc} user (the {@code default} user is switched off)
 * @param kafka the password of Kafka's {@code cc} user (SASL/PLAIN)
 */
record EmbeddedCredentials(String postgres, String redis, String kafka) {

  static final String FILE = "credentials.properties";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedCredentials.class);

  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public String toString() {
    return "EmbeddedCredentials[postgres=***, redis=***, kafka=***]";
  }

  /**
   * The credentials in the data directory, created there (mode 600) when missing. A file that
   * others could read is made private again, with a warning: its passwords may have been seen.
   */
  static EmbeddedCredentials loadOrCreate(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE);
    if (!Files.exists(file)) {
      EmbeddedCredentials created = new EmbeddedCredentials(secret(), secret(), secret());
      try {
        created.write(file);
        log.info("embedded services: new credentials generated into {} (mode 600)", file);
        return created;
      } catch (FileAlreadyExistsException e) {
        // Another process created it first: use theirs.
      }
    }
    if (isPosix(file)) {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
      if (!OWNER_ONLY.containsAll(mode)) {
        log.warn(
            "{} was readable by others ({}); made private (rw-------): consider the embedded"
                + " services' passwords seen",
            file,
            PosixFilePermissions.toString(mode));
        Files.setPosixFilePermissions(file, OWNER_ONLY);
      }
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return new EmbeddedCredentials(
        required(p, "postgres.password", file),
        required(p, "redis.password", file),
        required(p, "kafka.password", file));
  }

  private void write(Path file) throws IOException {
    Properties p = new Properties();
    p.setProperty("postgres.password", postgres);
    p.setProperty("redis.password", redis);
    p.setProperty("kafka.password", kafka);
    if (isPosix(file.getParent())) {
      // Created with its final mode, so it is never readable by others, not even for a moment.
      Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } else {
      Files.createFile(file);
    }
    try (Writer out =
        Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.WRITE)) {
      p.store(
          out,
          "Passwords of the embedded PostgreSQL (user postgres), Redis (user cc) and Kafka"
              + " (user cc). Generated on the first start; keep this file private (mode 600).");
    }
  }

  private static String required(Properties p, String key, Path file) {
    String value = p.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          file + " has no " + key + ": restore it from a backup (the services' data use it)");
    }
    return value;
  }

  private static boolean isPosix(Path path) {
    return Files.getFileAttributeView(path, java.nio.file.attribute.PosixFileAttributeView.class)
        != null;
  }

  /** 32 random bytes, URL-safe Base64: safe in connection strings, config files and JAAS. */
  private static String secret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
