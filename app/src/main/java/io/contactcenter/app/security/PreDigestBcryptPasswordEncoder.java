package io.contactcenter.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt of the password's SHA-256 digest (Base64, 44 bytes), stored with the id {@code
 * {bcrypt-sha256}}. bcrypt reads at most 72 bytes, and a 128-character Chinese passphrase is 384
 * bytes of UTF-8: without the digest everything after the 72nd byte would be ignored (Spring
 * Security refuses such passwords outright). The digest keeps every character significant; bcrypt
 * still provides the salt and the cost.
 */
final class PreDigestBcryptPasswordEncoder implements PasswordEncoder {

  static final String ID = "bcrypt-sha256";

  private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

  @Override
  public String encode(CharSequence rawPassword) {
    return bcrypt.encode(digest(rawPassword));
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    return bcrypt.matches(digest(rawPassword), encodedPassword);
  }

  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return bcrypt.upgradeEncoding(encodedPassword);
  }

  private static String digest(CharSequence raw) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(raw.toString().getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
