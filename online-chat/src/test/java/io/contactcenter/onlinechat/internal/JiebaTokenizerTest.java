package io.contactcenter.onlinechat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JiebaTokenizerTest {

  private final JiebaTokenizer tokenizer = new JiebaTokenizer();

  @Test
  void chineseIsSegmentedIntoWordsAndBigrams() {
    assertThat(tokenizer.terms("我想申请退款")).contains("申请", "退款", "#退款").doesNotContain("我");
  }

  @Test
  void englishIsLowerCasedStemmedAndStopWordsDropped() {
    assertThat(tokenizer.terms("Where are my Refunds?")).containsExactly("where", "refund");
  }

  @Test
  void mixedTextKeepsBothScripts() {
    assertThat(tokenizer.terms("iPhone 15 退货")).contains("iphone", "15", "退货");
  }
}
