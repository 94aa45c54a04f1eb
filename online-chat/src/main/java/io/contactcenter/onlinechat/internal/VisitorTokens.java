package io.contactcenter.onlinechat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Visitor tokens the server signs (an anonymous visitor's id: {@code v1.<visitorId>.<signature>})
 * and identity tokens a shop signs for its signed-in customer: {@code
 * base64url(json).base64url(HMAC-SHA256(key, first part))}, the JSON holding {@code sub} (customer
 * id), {@code name}, {@code phone}, {@code tier} and {@code exp} (epoch seconds). Signatures are
 * compared in constant time.
 */
final class VisitorTokens {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final byte[] visitorKey;
  private final ObjectMapper json;
  private final Clock clock;

  VisitorTokens(String visitorKey, ObjectMapper json, Clock clock) {
    if (visitorKey.isEmpty()) {
      this.visitorKey = new byte[32];
      new SecureRandom().nextBytes(this.visitorKey);
    } else {
      this.visitorKey = visitorKey.getBytes(StandardCharsets.UTF_8);
    }
    this.json = json;
    this.clock = clock;
  }

  String sign(String visitorId) {
    return "v1." + visitorId + "." + B64.encodeToString(hmac(visitorKey, "v1." + visitorId));
  }

  /** The visitor id of a token this server signed; empty for anything else. */
  Optional<String> verify(String token) {
    if (token == null) {
      return Optional.empty();
    }
    String[] parts = token.split("\\.");
    if (parts.length != 3 || !parts[0].equals("v1") || !parts[1].matches("[A-Za-z0-9-]{1,64}")) {
      return Optional.empty();
    }
    byte[] expected = hmac(visitorKey, "v1." + parts[1]);
    return equal(expected, parts[2]) ? Optional.of(parts[1]) : Optional.empty();
  }

  /**
   * The customer of a shop's identity token.
   *
   * @throws ForgedIdentityException if the token is malformed, signed with another key or expired
   */
  Conversation.Customer customer(String token, String shopKey) {
    if (shopKey.isEmpty()) {
      throw new ForgedIdentityException("this site accepts no identity tokens");
    }
    String[] parts = token.split("\\.");
    if (parts.length != 2) {
      throw new ForgedIdentityException("the identity token is not payload.signature");
    }
    if (!equal(hmac(shopKey.getBytes(StandardCharsets.UTF_8), parts[0]), parts[1])) {
      throw new ForgedIdentityException("the identity token's signature is wrong");
    }
    JsonNode claims;
    try {
      claims = json.readTree(B64D.decode(parts[0]));
    } catch (IOException | IllegalArgumentException e) {
      throw new ForgedIdentityException("the identity token's payload is not base64url JSON");
    }
    if (claims == null || !claims.hasNonNull("sub") || !claims.hasNonNull("exp")) {
      throw new ForgedIdentityException("the identity token lacks sub or exp");
    }
    if (claims.get("exp").asLong() < clock.instant().getEpochSecond()) {
      throw new ForgedIdentityException("the identity token has expired");
    }
    return new Conversation.Customer(
        claims.get("sub").asText(),
        text(claims, "name"),
        text(claims, "phone"),
        text(claims, "tier"));
  }

  /** Signs an identity token as a shop would (tests and the docs' example). */
  static String shopToken(String payloadJson, String shopKey) {
    String payload = B64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
    return payload
        + "."
        + B64.encodeToString(hmac(shopKey.getBytes(StandardCharsets.UTF_8), payload));
  }

  private static String text(JsonNode claims, String field) {
    return claims.hasNonNull(field) ? claims.get(field).asText() : null;
  }

  private static boolean equal(byte[] expected, String signature) {
    try {
      return MessageDigest.isEqual(expected, B64D.decode(signature));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
