package io.contactcenter.campaigns.internal.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CellTextTest {

  @Test
  void aRightToLeftOverrideCannotMakeANameReadOtherwise() {
    // Shown as "Zhang San [gpj.exe]" would read "Zhang San [exe.jpg]" with the override kept.
    assertThat(CellText.clean("Zhang San [\u202Egpj.exe]")).isEqualTo("Zhang San [gpj.exe]");
    assertThat(CellText.clean("\u2067李雷\u2069\u200E")).isEqualTo("李雷");
    assertThat(CellText.clean("Wang\u200BFang")).isEqualTo("WangFang");
  }

  @Test
  void keepsArabicAndHebrewLettersAndLineBreaks() {
    assertThat(CellText.clean("محمد")).isEqualTo("محمد");
    assertThat(CellText.clean("שלום\nline")).isEqualTo("שלום\nline");
  }
}
