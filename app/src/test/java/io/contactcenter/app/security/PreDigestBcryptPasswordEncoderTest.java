package io.contactcenter.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PreDigestBcryptPasswordEncoderTest {

  private final PreDigestBcryptPasswordEncoder encoder = new PreDigestBcryptPasswordEncoder();

  @Test
  void everyCharacterOfA128CharacterChinesePassphraseCounts() {
    // 128 characters are 384 bytes of UTF-8: plain bcrypt reads only the first 72.
    String password = "很长的中文密码".repeat(18) + "结尾";
    String otherEnding = "很长的中文密码".repeat(18) + "不同";

    String hash = encoder.encode(password);

    assertThat(encoder.matches(password, hash)).isTrue();
    assertThat(encoder.matches(otherEnding, hash)).isFalse();
  }
}
