package io.contactcenter.tickets.internal.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook call: {@code sha256=} and the hex HMAC-SHA256, keyed with the shared
 * secret, of {@code <timestamp>.<body>} (the timestamp in the {@code X-CC-Timestamp} header, so a
 * captured call cannot be replayed later with a new time).
 */
public final class WebhookSignature {

  private WebhookSignature() {}

  public static String sign(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "sha256=" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** Compares in constant time (a receiver's check, and this module's tests). */
  public static boolean verify(String secret, long timestamp, String body, String signature) {
    return signature != null
        && MessageDigest.isEqual(
            sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII),
            signature.getBytes(StandardCharsets.US_ASCII));
  }
}
