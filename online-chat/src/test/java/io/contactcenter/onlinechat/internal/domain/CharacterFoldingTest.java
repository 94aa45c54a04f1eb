package io.contactcenter.onlinechat.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CharacterFoldingTest {

  private static final CharacterFolding TRADITIONAL =
      CharacterFolding.parse(
          """
          # traditional then simplified
          貨货 發发 訂订 單单
          退退
          """);

  @Test
  void foldedCharactersAreReplacedAndTheRestKept() {
    assertThat(TRADITIONAL.fold("退貨要開發票 refund")).isEqualTo("退货要開发票 refund");
  }

  @Test
  void aTokenizerSeesTheFoldedText() {
    Tokenizer spaces = text -> List.of(text.split(" "));
    assertThat(TRADITIONAL.before(spaces).terms("訂單 退貨")).containsExactly("订单", "退货");
  }

  @Test
  void noFoldingKeepsTheText() {
    assertThat(CharacterFolding.NONE.fold("退貨")).isEqualTo("退貨");
  }

  @Test
  void aWordThatIsNotTwoCharactersIsRejectedWithItsLine() {
    assertThatThrownBy(() -> CharacterFolding.parse("貨货\n發发发"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2");
  }

  @Test
  void aCharacterFoldedTwoWaysIsRejected() {
    assertThatThrownBy(() -> CharacterFolding.parse("貨货 貨化"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two ways");
  }
}
