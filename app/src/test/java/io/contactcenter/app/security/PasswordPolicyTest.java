package io.contactcenter.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

  private final PasswordPolicy policy = new PasswordPolicy();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "correct horse battery staple",
        "qa-password-long",
        "Tr0ub4dor&3xyz",
        "我的密码是一段很长的中文句子", // 14 characters, 42 bytes of UTF-8
        "lowercase only but long enough",
      })
  void acceptsLongPassphrasesWithoutCompositionRules(String password) {
    assertThat(policy.problem("alice", password)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"short", "elevenchars", "密码太短了"})
  void refusesShortPasswordsSayingTheMinimum(String password) {
    assertThat(policy.problem("alice", password))
        .hasValue("password must have at least 12 characters");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "password1234",
        "Password2024!",
        "!!qwertyuiop!!",
        "woaini1314520",
        "123456789012"
      })
  void refusesCommonPasswordsAndTheirDressedUpForms(String password) {
    assertThat(policy.problem("alice", password)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"aaaaaaaaaaaa", "abcabcabcabc", "121212121212", "abababababababab"})
  void refusesRepeatedCharactersAndPatterns(String password) {
    assertThat(policy.problem("alice", password).orElseThrow()).contains("repeated");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abcdefghijklmn", "qwertyuiopasdf", "0987654321098"})
  void refusesKeyboardAndAlphabetRuns(String password) {
    assertThat(policy.problem("alice", password)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"zhangsan2024!", "Zhangsan-1234"})
  void refusesPasswordsBuiltFromTheUsername(String password) {
    assertThat(policy.problem("zhangsan", password))
        .hasValue("password must not be built from the username");
  }

  @ParameterizedTest
  @ValueSource(ints = {128, 129})
  void allowsUpTo128CharactersCountingChineseAsOneEach(int length) {
    String words = "春眠不觉晓处处闻啼鸟夜来风雨声花落知多少";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append(words.charAt((i * 7 + i / words.length()) % words.length()));
    }
    String password = sb.toString();

    var problem = policy.problem("alice", password);

    if (length <= PasswordPolicy.MAX_LENGTH) {
      assertThat(problem).isEmpty();
    } else {
      assertThat(problem).hasValue("password must have at most 128 characters");
    }
  }
}
