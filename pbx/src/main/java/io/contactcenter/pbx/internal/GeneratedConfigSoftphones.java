package io.contactcenter.pbx.internal;

import io.contactcenter.pbx.PbxUnavailableException;
import io.contactcenter.pbx.SoftphoneCredentials;
import io.contactcenter.pbx.Softphones;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Softphone credentials as generated PJSIP configuration (ADR 0013): the current passwords live in
 * memory and in the file pjsip.conf includes; each issue rewrites the file and reloads res_pjsip
 * over AMI. After a restart of the application the file is rewritten at the first issue, so old
 * passwords stop working then at the latest. Passwords are never logged.
 */
final class GeneratedConfigSoftphones implements Softphones {

  private static final Logger log = LoggerFactory.getLogger(GeneratedConfigSoftphones.class);

  /** Makes Asterisk read the file again; throws {@link PbxUnavailableException} if it cannot. */
  @FunctionalInterface
  interface PjsipReload {
    void reload();
  }

  private final PjsipReload pjsip;
  private final PbxProperties.Softphones config;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /** By endpoint name; guarded by this. */
  private final Map<String, SoftphoneConfigFile.Entry> current = new HashMap<>();

  GeneratedConfigSoftphones(PjsipReload pjsip, PbxProperties.Softphones config, Clock clock) {
    this.pjsip = pjsip;
    this.config = config;
    this.clock = clock;
  }

  /** Reloads over AMI: {@code Reload} of res_pjsip.so, answered once the reload is done. */
  static PjsipReload overAmi(AmiConnectionSupervisor ami, long actionTimeoutMillis) {
    return () -> {
      ManagerResponse response;
      try {
        response =
            ami.connected().sendAction(new ReloadModuleAction("res_pjsip.so"), actionTimeoutMillis);
      } catch (IOException | TimeoutException e) {
        throw new PbxUnavailableException("reloading res_pjsip failed: " + e.getMessage(), e);
      }
      if (response instanceof ManagerError || !"Success".equalsIgnoreCase(response.getResponse())) {
        throw new PbxUnavailableException(
            "Asterisk refused to reload res_pjsip: " + response.getMessage());
      }
    };
  }

  @Override
  public synchronized SoftphoneCredentials issue(String agent) {
    String endpoint = endpointOf(agent);
    Instant now = clock.instant();
    byte[] secret = new byte[24];
    random.nextBytes(secret);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant expiresAt = now.plus(config.credentialTtl());
    current.put(endpoint, new SoftphoneConfigFile.Entry(password, expiresAt));
    current.values().removeIf(e -> !e.expiresAt().isAfter(now));
    write(SoftphoneConfigFile.render(current, now));
    pjsip.reload();
    log.info("softphone credentials issued for endpoint {}, valid until {}", endpoint, expiresAt);
    return new SoftphoneCredentials(
        endpoint, password, config.domain(), config.websocketUrl(), expiresAt);
  }

  @Override
  public String endpointOf(String agent) {
    return SoftphoneConfigFile.endpointOf(agent);
  }

  @Override
  public URI websocketUrl() {
    return config.websocketUrl();
  }

  private void write(String text) {
    Path file = config.configFile().toAbsolutePath();
    try {
      Files.createDirectories(file.getParent());
      // Written beside and moved into place: Asterisk never reads half a file.
      Path temp = Files.createTempFile(file.getParent(), ".pjsip_softphones", ".tmp");
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new PbxUnavailableException(
          "could not write the softphone configuration " + file + ": " + e.getMessage(), e);
    }
  }
}
