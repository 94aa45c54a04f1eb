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

  private static final Synonyms PHRASES =
      Synonyms.parse(
          """
          货到付款: 到付 cod cash "cash on delivery" "pay on delivery"
          配送: 快递 delivery shipping "track my parcel"
          补货: 缺货 stock "out of stock" "back in stock"
          运费: 邮费 "shipping fee" "Free Shipping"
          """);

  @Test
  void aMultiWordVariantMatchesInEnglishTextInAnyCase() {
    assertThat(PHRASES.canonicalIn("Do you take Cash On Delivery?", List.of()))
        .containsExactly("货到付款");
    assertThat(PHRASES.canonicalIn("how do I track my parcel", List.of())).containsExactly("配送");
    assertThat(PHRASES.canonicalIn("is shipping free? FREE SHIPPING over 99?", List.of()))
        .containsExactly("配送", "运费");
  }

  @Test
  void aMultiWordVariantMatchesInsideChinese() {
    assertThat(PHRASES.canonicalIn("支持cash on delivery吗", List.of())).containsExactly("货到付款");
    assertThat(PHRASES.canonicalIn("显示out of stock还会有吗", List.of())).containsExactly("补货");
  }

  @Test
  void theLongestMultiWordVariantWinsOverItsWords() {
    // "cash" and "delivery" are variants of two groups; the phrase covers both.
    assertThat(PHRASES.canonicalIn("cash on delivery", List.of())).containsExactly("货到付款");
    // "shipping fee" is the fee, not also "shipping" (delivery).
    assertThat(PHRASES.canonicalIn("shipping fee多少", List.of())).containsExactly("运费");
    // Where two phrases overlap the longer wins: "back in stock" over "stock".
    assertThat(PHRASES.canonicalIn("when is it back in stock", List.of())).containsExactly("补货");
    // The words of a phrase still count on their own elsewhere.
    assertThat(PHRASES.canonicalIn("cash or card, delivery tomorrow", List.of()))
        .containsExactly("货到付款", "配送");
  }

  @Test
  void aMultiWordVariantCountsOnlyOnWordBoundaries() {
    assertThat(PHRASES.canonicalIn("cash on deliveryman", List.of())).containsExactly("货到付款");
    assertThat(PHRASES.canonicalIn("cash on deliveryman", List.of()))
        .as("only the word cash, not the phrase")
        .hasSize(1);
    assertThat(PHRASES.canonicalIn("precash on delivery", List.of())).containsExactly("配送");
    assertThat(PHRASES.canonicalIn("without of stock", List.of())).containsExactly("补货");
    assertThat(PHRASES.canonicalIn("check two parcels: track my parcels", List.of()))
        .containsExactly("配送");
  }

  @Test
  void spacesAndHyphensInsideAPhraseAreOneSpace() {
    assertThat(PHRASES.canonicalIn("out-of-stock", List.of())).containsExactly("补货");
    assertThat(PHRASES.canonicalIn("cash  on\tdelivery", List.of())).containsExactly("货到付款");
    assertThat(PHRASES.canonicalIn("cash　on delivery", List.of())).containsExactly("货到付款");
  }

  @Test
  void multiWordEnglishVariantsArePutInChineseForTheModel() {
    assertThat(PHRASES.withEnglishAsCanonical("支持Cash on  Delivery吗")).isEqualTo("支持货到付款吗");
    assertThat(PHRASES.withEnglishAsCanonical("显示out-of-stock, cash可以吗"))
        .isEqualTo("显示补货, 货到付款可以吗");
    assertThat(PHRASES.withEnglishAsCanonical("cash on deliveryman"))
        .isEqualTo("货到付款 on deliveryman");
  }

  @Test
  void aOneLetterVariantCountsAsAWordInAnyCase() {
    Synonyms sizes = Synonyms.parse("尺码: L");
    assertThat(sizes.canonicalIn("要L的", List.of("要", "L", "的"))).containsExactly("尺码");
  }

  @Test
  void anUnclosedQuoteIsRefusedNamingTheLine() {
    assertThatThrownBy(() -> Synonyms.parse("退款: 退钱\n货到付款: \"cash on delivery"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("quoted");
  }

  @Test
  void aShopsOwnGroupsAreAddedAndTakeTheirVariants() {
    Synonyms own = Synonyms.parse("顺丰包邮: 顺丰 \"sf express\" 快递");
    Synonyms both = PHRASES.with(own);
    assertThat(both.canonicalIn("发sf express吗", List.of())).containsExactly("顺丰包邮");
    // 快递 moved from the shipped 配送 group to the shop's.
    assertThat(both.canonicalIn("快递多久", List.of())).containsExactly("顺丰包邮");
    assertThat(both.canonicalIn("cod吗", List.of())).containsExactly("货到付款");
    assertThat(PHRASES.canonicalIn("快递多久", List.of())).containsExactly("配送");
  }
}
