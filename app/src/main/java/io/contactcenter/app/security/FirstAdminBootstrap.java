package io.contactcenter.app.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin on the first start. There is no default password: it is taken from {@code
 * cc.security.initial-admin-password} or generated and written to {@code initial-admin-password} in
 * the data directory, a file only the service user can read (mode 600). The log says where the file
 * is, never the password: logs are often readable by more people than the service user. If several
 * instances start together, only the one whose insert wins writes the file.
 */
@Component
class FirstAdminBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(FirstAdminBootstrap.class);
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  static final String ADMIN = "admin";
  static final String PASSWORD_FILE = "initial-admin-password";

  private final UserAccounts accounts;
  private final SecurityProperties properties;
  private final Consumer<String> announce;
  private final SecureRandom random = new SecureRandom();

  @Autowired
  FirstAdminBootstrap(UserAccounts accounts, SecurityProperties properties) {
    this(accounts, properties, log::warn);
  }

  /**
   * @param announce receives the one line that tells the operator where the password is
   */
  FirstAdminBootstrap(
      UserAccounts accounts, SecurityProperties properties, Consumer<String> announce) {
    this.accounts = accounts;
    this.properties = properties;
    this.announce = announce;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (accounts.anyWithRole(Role.ADMIN)) {
      return;
    }
    String configured = properties.initialAdminPassword();
    boolean generated = configured == null || configured.isBlank();
    String password = generated ? generate() : configured;
    if (accounts.create(ADMIN, password, EnumSet.of(Role.ADMIN))) {
      if (generated) {
        Path file = properties.dataDir().resolve(PASSWORD_FILE).toAbsolutePath();
        try {
          // Left over from a data directory whose database was since replaced.
          Files.deleteIfExists(file);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot replace " + file, e);
        }
        SecretFiles.createPrivate(file, password + System.lineSeparator());
        announce.accept(
            "First start: created user '"
                + ADMIN
                + "'. Its password is in "
                + file
                + " (readable only by this user). Sign in, create personal accounts, and delete"
                + " the file.");
      } else {
        log.info(
            "Created the first admin '{}' with the password from cc.security.initial-admin-password",
            ADMIN);
      }
    }
  }

  private String generate() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
