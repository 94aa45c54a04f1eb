package io.contactcenter.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayTextTest {

  @Test
  void removesRightToLeftOverrideSoAFileNameCannotPassForAnother() {
    assertThat(DisplayText.clean("Bob\u202Egnp.exe")).isEqualTo("Bobgnp.exe");
  }

  @Test
  void removesEveryBidiControlAndHiddenCharacter() {
    String controls = "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";
    assertThat(DisplayText.clean("A" + controls + "B\u200B\u2060\uFEFF\u0007C")).isEqualTo("ABC");
  }

  @Test
  void keepsChineseArabicJoinersLineBreaksAndNull() {
    assertThat(DisplayText.clean("张伟")).isEqualTo("张伟");
    assertThat(DisplayText.clean("محمد")).isEqualTo("محمد");
    assertThat(DisplayText.clean("می\u200Cخواهم")).isEqualTo("می\u200Cخواهم");
    assertThat(DisplayText.clean("line one\nline two\tend")).isEqualTo("line one\nline two\tend");
    assertThat(DisplayText.clean(null)).isNull();
  }
}
