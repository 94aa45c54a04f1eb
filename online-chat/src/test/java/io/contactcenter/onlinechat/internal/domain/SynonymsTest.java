package io.contactcenter.onlinechat.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SynonymsTest {

  private static final Synonyms LEXICON =
      Synonyms.parse(
          """
          # a comment line
          货到付款: 到付 货到付 先收货   # trailing comment
          支付方式: 付款 支付宝 PayPal
          尺码: 尺寸 码
          密码: 忘记密码
          """);

  /** Splits on spaces: stands in for jieba's words in these tests. */
  private static final Tokenizer SPACES = text -> Arrays.asList(text.split(" "));

  @Test
  void aVariantYieldsItsGroupsCanonicalWord() {
    assertThat(LEXICON.canonicalIn("能到付吗", List.of())).containsExactly("货到付款");
    assertThat(LEXICON.canonicalIn("能用支付宝吗", List.of())).containsExactly("支付方式");
  }

  @Test
  void theCanonicalWordIsAVariantToo() {
    assertThat(LEXICON.canonicalIn("支持货到付款吗", List.of())).containsExactly("货到付款");
  }

  @Test
  void theLongestVariantWinsWhereVariantsOverlap() {
    // "付款" (payment) lies inside "货到付款" (cash on delivery): only the longer counts.
    assertThat(LEXICON.canonicalIn("货到付款", List.of())).containsExactly("货到付款");
    assertThat(LEXICON.canonicalIn("先收货后付款", List.of())).containsExactly("货到付款", "支付方式");
  }

  @Test
  void latinVariantsMatchInAnyCase() {
    assertThat(LEXICON.canonicalIn("可以用paypal吗", List.of())).containsExactly("支付方式");
    assertThat(LEXICON.canonicalIn("可以用PAYPAL吗", List.of())).containsExactly("支付方式");
  }

  @Test
  void aOneCharacterVariantCountsOnlyAsAWordOfItsOwn() {
    assertThat(LEXICON.canonicalIn("码偏小吗", List.of("码", "偏小"))).containsExactly("尺码");
    // Inside a longer word the segmenter keeps whole, it is another word.
    assertThat(LEXICON.canonicalIn("优惠码用不了", List.of("优惠码", "用不了"))).isEmpty();
    // Inside a longer variant of another group, the longer one wins.
    assertThat(LEXICON.canonicalIn("忘记密码", List.of("忘记", "密码", "码"))).containsExactly("密码");
  }

  @Test
  void eachGroupCountsOnceInOrderOfAppearance() {
    assertThat(LEXICON.canonicalIn("支付宝付款还是到付", List.of())).containsExactly("支付方式", "货到付款");
  }

  @Test
  void badLinesAreRefusedNamingTheLine() {
    assertThatThrownBy(() -> Synonyms.parse("退款: 退钱\n退钱 返款"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> Synonyms.parse("退款: 退钱\n退货: 退钱"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("退钱");
  }

  @Test
  void noneFindsNothing() {
    assertThat(Synonyms.NONE.canonicalIn("到付", List.of("到付"))).isEmpty();
  }

  @Test
  void theTokenizerAddsOneGroupTermToTheWords() {
    SynonymTokenizer tokenizer = new SynonymTokenizer(SPACES, LEXICON);
    assertThat(tokenizer.terms("能 到付 吗")).containsExactly("能", "到付", "吗", "=货到付款");
    assertThat(tokenizer.terms("退货 怎么 弄")).containsExactly("退货", "怎么", "弄");
  }

  /**
   * The point of the lexicon: a shop's own FAQ, worded as the shop likes, is found by a visitor's
   * colloquial question sharing no word with it, because both sides gain the group's term.
   */
  @Test
  void aShopsOwnFaqIsFoundByAColloquialVariantItNeverListed() {
    List<FaqEntry> faqs =
        List.of(
            new FaqEntry("shop-cod", "zh", "可以。", List.of("支持 货到付款")),
            new FaqEntry("shop-pay", "zh", "支付宝、微信。", List.of("哪些 支付方式")),
            new FaqEntry("shop-size", "zh", "看尺码表。", List.of("尺码 怎么 选")));
    FaqIndex plain = FaqIndex.build(faqs, SPACES);
    FaqIndex withLexicon = FaqIndex.build(faqs, new SynonymTokenizer(SPACES, LEXICON));

    assertThat(plain.match("能 到付 吗", 3)).isEmpty();
    assertThat(withLexicon.match("能 到付 吗", 3).get(0).faq().faqId()).isEqualTo("shop-cod");
    assertThat(withLexicon.match("PayPal 行 吗", 3).get(0).faq().faqId()).isEqualTo("shop-pay");
    assertThat(withLexicon.match("码 偏小", 3).get(0).faq().faqId()).isEqualTo("shop-size");
  }

  private static final Synonyms ENGLISH =
      Synonyms.parse(
          """
          退款: 退钱 refund
          配送: 快递 ship
          订单: order
          """);

  @Test
  void anEnglishVariantCountsAsAWholeWordInAnyCase() {
    assertThat(ENGLISH.canonicalIn("Refund多久到", List.of())).containsExactly("退款");
    assertThat(ENGLISH.canonicalIn("两个orders都取消", List.of())).containsExactly("订单");
    // "ship" is not in "shipping" nor "membership", "order" not in "border".
    assertThat(ENGLISH.canonicalIn("membership和shipping和border", List.of())).isEmpty();
  }

  @Test
  void englishVariantsArePutInChineseForTheModel() {
    assertThat(ENGLISH.withEnglishAsCanonical("REFUND多久到, my orders ship吗 shipping"))
        .isEqualTo("退款多久到, my 订单 配送吗 shipping");
  }
}
