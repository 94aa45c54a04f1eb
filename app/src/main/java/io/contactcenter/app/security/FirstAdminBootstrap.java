package io.contactcenter.app.security;

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
 * cc.security.initial-admin-password} or generated and printed exactly once. If several instances
 * start together, only the one whose insert wins prints it.
 */
@Component
class FirstAdminBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(FirstAdminBootstrap.class);
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  static final String ADMIN = "admin";

  private final UserAccounts accounts;
  private final SecurityProperties properties;
  private final Consumer<String> announce;
  private final SecureRandom random = new SecureRandom();

  @Autowired
  FirstAdminBootstrap(UserAccounts accounts, SecurityProperties properties) {
    this(accounts, properties, FirstAdminBootstrap::announce);
  }

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
        announce.accept(password);
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

  private static void announce(String password) {
    // Shown once, at WARN so it is visible with default logging; it is never stored in clear.
    log.warn(
        "\n\n    First start: created user '{}' with password: {}\n"
            + "    It is shown only this once. Log in at /login and create personal accounts.\n",
        ADMIN,
        password);
  }
}
