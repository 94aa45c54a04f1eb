package io.contactcenter.app.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password must be, in the spirit of NIST SP 800-63B §5.1.1.2: long enough, not longer than
 * {@value #MAX_LENGTH} characters, not a commonly used password or a trivial pattern, not the
 * username; no composition rules (no "one digit, one symbol") and no expiry.
 *
 * <p>Length is counted in Unicode code points, so a Chinese passphrase counts its characters, not
 * its UTF-8 bytes. Thread-safe.
 */
final class PasswordPolicy {

  static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 128;

  // Keyboard rows and alphabets, twice so a run that wraps ("7890123456") is found too.
  private static final String[] RUNS = {
    "012345678901234567890123456789",
    "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
    "qwertyuiopqwertyuiop",
    "asdfghjklasdfghjkl",
    "zxcvbnmzxcvbnm",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
    "1q2w3e4r5t6y7u8i9o0p",
    "qazwsxedcrfvtgbyhnujmikolp",
    "qwertyuiopasdfghjklzxcvbnm",
    "1234567890qwertyuiop",
  };

  private final Set<String> common;

  PasswordPolicy() {
    this(load("/security/common-passwords.txt"));
  }

  PasswordPolicy(Set<String> common) {
    this.common = Set.copyOf(common);
  }

  /**
   * Why the password may not be used, or empty if it may.
   *
   * @param username the account's name, which the password must not be built from
   */
  Optional<String> problem(String username, String password) {
    if (password == null || password.isEmpty()) {
      return Optional.of("a password is required");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      return Optional.of("password must have at least " + MIN_LENGTH + " characters");
    }
    if (length > MAX_LENGTH) {
      return Optional.of("password must have at most " + MAX_LENGTH + " characters");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (password.codePoints().distinct().count() <= 3 || isRepeatedUnit(lower)) {
      return Optional.of("password must not be one short pattern repeated, such as 'abcabcabcabc'");
    }
    if (isRun(lower)) {
      return Optional.of("password must not be a keyboard or alphabet sequence");
    }
    String core = stripEnds(lower);
    if (common.contains(lower) || common.contains(core)) {
      return Optional.of("password is on the list of commonly used passwords; choose another");
    }
    if (username != null && username.length() >= 3) {
      String name = username.toLowerCase(Locale.ROOT);
      if (core.equals(name) || lower.contains(name) && length - name.length() < 6) {
        return Optional.of("password must not be built from the username");
      }
    }
    return Optional.empty();
  }

  /**
   * Checks the password.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  void check(String username, String password) {
    problem(username, password)
        .ifPresent(
            p -> {
              throw new IllegalArgumentException(p);
            });
  }

  private static boolean isRepeatedUnit(String s) {
    int n = s.length();
    for (int unit = 1; unit <= Math.min(6, n / 2); unit++) {
      if (n % unit == 0 && s.substring(0, unit).repeat(n / unit).equals(s)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isRun(String s) {
    String reversed = new StringBuilder(s).reverse().toString();
    for (String run : RUNS) {
      if (run.contains(s) || run.contains(reversed)) {
        return true;
      }
    }
    return false;
  }

  /** "Password2024!" and "!!password!!" are the common word "password" dressed up. */
  private static String stripEnds(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && !Character.isLetter(s.charAt(start))) {
      start++;
    }
    while (end > start && !Character.isLetter(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static Set<String> load(String resource) {
    Set<String> words = new HashSet<>();
    try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String word = line.strip();
        if (!word.isEmpty() && !word.startsWith("#")) {
          words.add(word.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return words;
  }
}
