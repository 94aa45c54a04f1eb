package io.contactcenter.app.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens: the cheap way for API clients to authenticate ({@code Authorization:
 * Bearer ccp_…}). A token is 32 random bytes, shown once when created; only its HMAC-SHA256 under a
 * server key is stored, so checking one costs a microsecond hash and one indexed lookup instead of
 * a password hash, and a copy of the table gives no working token. A token acts with its owner's
 * current roles and stops working when the owner is disabled or deleted or its password is reset.
 */
public class ApiTokens {

  private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);
  static final String PREFIX = "ccp_";
  private static final int MAX_NAME = 100;
  private static final Duration MAX_VALIDITY = Duration.ofDays(366);

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  ApiTokens(JdbcClient jdbc, AuditLog audit, byte[] key) {
    if (key.length < 32) {
      throw new IllegalArgumentException("the API token key must have at least 32 bytes");
    }
    this.jdbc = jdbc;
    this.audit = audit;
    this.key = new SecretKeySpec(key, "HmacSHA256");
  }

  /**
   * The key from {@code cc.security.token-secret}, else from {@code secrets/api-token.key} in the
   * data directory, generated there (mode 600) on the first start.
   */
  static byte[] key(SecurityProperties properties) {
    if (properties.tokenSecret() != null && !properties.tokenSecret().isBlank()) {
      try {
        return Base64.getDecoder().decode(properties.tokenSecret().strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("cc.security.token-secret must be Base64", e);
      }
    }
    Path file = properties.dataDir().resolve("secrets").resolve("api-token.key");
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    if (SecretFiles.createPrivate(file, Base64.getEncoder().encodeToString(fresh))) {
      log.info("generated the API token key in {} (mode 600)", file.toAbsolutePath());
      return fresh;
    }
    if (SecretFiles.readableByOthers(file)) {
      log.warn("{} is readable by other users: chmod 600 it", file.toAbsolutePath());
    }
    return Base64.getDecoder().decode(SecretFiles.read(file));
  }

  /**
   * A new token, as returned once to its owner.
   *
   * @param token the secret itself; not stored, cannot be shown again
   */
  public record Created(UUID id, String name, String token, Instant createdAt, Instant expiresAt) {}

  /** A token as listed: never the secret. */
  public record Listed(
      UUID id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {}

  /**
   * Creates a token for the actor.
   *
   * @param validity how long it works; null for the longest allowed (366 days)
   */
  @Transactional
  public Created create(Actor owner, String name, Duration validity) {
    if (name == null || name.isBlank() || name.length() > MAX_NAME) {
      throw new IllegalArgumentException("a token needs a name of 1-" + MAX_NAME + " characters");
    }
    if (validity != null
        && (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_VALIDITY) > 0)) {
      throw new IllegalArgumentException("a token is valid for 1 to 366 days");
    }
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    UUID id = UUID.randomUUID();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Instant expires = now.plus(validity == null ? MAX_VALIDITY : validity);
    jdbc.sql(
            "INSERT INTO api_token (id, username, name, token_hash, created_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(
            id,
            owner.username(),
            name.strip(),
            hash(token),
            java.sql.Timestamp.from(now),
            java.sql.Timestamp.from(expires))
        .update();
    audit.record(
        owner, AuditAction.TOKEN_CREATED, owner.username(), "token '" + name.strip() + "'");
    return new Created(id, name.strip(), token, now, expires);
  }

  public List<Listed> list(String username) {
    return jdbc.sql(
            "SELECT id, name, created_at, expires_at, last_used_at FROM api_token"
                + " WHERE username = ? ORDER BY created_at")
        .param(username)
        .query(
            (rs, n) ->
                new Listed(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getTimestamp(3).toInstant(),
                    rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(),
                    rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
        .list();
  }

  /**
   * Revokes one of the actor's own tokens.
   *
   * @return false if the actor has no token with this id
   */
  @Transactional
  public boolean revoke(Actor owner, UUID id) {
    List<String> names =
        jdbc.sql("DELETE FROM api_token WHERE id = ? AND username = ? RETURNING name")
            .params(id, owner.username())
            .query(String.class)
            .list();
    if (names.isEmpty()) {
      return false;
    }
    audit.record(
        owner, AuditAction.TOKEN_REVOKED, owner.username(), "token '" + names.get(0) + "'");
    return true;
  }

  /** The owner of a valid, unexpired token of an enabled user, or empty. */
  Optional<String> owner(String token) {
    if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
      return Optional.empty();
    }
    record Found(UUID id, String username, boolean recentlyUsed) {}
    Optional<Found> found =
        jdbc.sql(
                "SELECT t.id, t.username,"
                    + " t.last_used_at IS NOT NULL AND t.last_used_at > now() - interval '1 minute'"
                    + " FROM api_token t JOIN app_user u ON u.username = t.username"
                    + " WHERE t.token_hash = ? AND u.enabled"
                    + " AND (t.expires_at IS NULL OR t.expires_at > now())")
            .param(hash(token))
            .query(
                (rs, n) ->
                    new Found(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3)))
            .optional();
    // Last use to the minute: a busy client must not turn every request into a write.
    found
        .filter(f -> !f.recentlyUsed())
        .ifPresent(
            f ->
                jdbc.sql("UPDATE api_token SET last_used_at = now() WHERE id = ?")
                    .param(f.id())
                    .update());
    return found.map(Found::username);
  }

  String hash(String token) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }
}
