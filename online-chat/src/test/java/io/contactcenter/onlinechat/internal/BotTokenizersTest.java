package io.contactcenter.onlinechat.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.internal.domain.Tokenizer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

class BotTokenizersTest {

  private final DefaultResourceLoader resources = new DefaultResourceLoader();

  @Test
  void theShippedChineseLexiconLoadsAndNormalisesColloquialShopWords() {
    Map<ChatLanguage, Tokenizer> bot = BotTokenizers.of(ChatProperties.DEFAULT_SYNONYMS, resources);
    Tokenizer zh = bot.get(ChatLanguage.ZH);
    assertThat(zh.terms("能到付吗")).contains("=货到付款");
    assertThat(zh.terms("支持货到付款吗")).contains("=货到付款").doesNotContain("=支付方式");
    assertThat(zh.terms("价保")).contains("=价保");
    assertThat(zh.terms("有价格保护吗")).contains("=价保");
    assertThat(zh.terms("发票咋开")).contains("=发票");
    assertThat(zh.terms("邮费多少")).contains("=运费");
    assertThat(zh.terms("包邮吗")).contains("=运费");
    assertThat(zh.terms("澳大利亚能寄吗")).contains("=国外");
    // Words jieba keeps whole are not read as their one-character parts.
    assertThat(zh.terms("密码忘了")).doesNotContain("=尺码");
    assertThat(zh.terms("优惠码用不了")).contains("=优惠券").doesNotContain("=尺码");
  }

  /** The shipped lexicon's multi-word English phrases (ADR 0048 fifth addendum). */
  @Test
  void theShippedChineseLexiconMatchesEnglishPhrasesWhole() {
    Tokenizer zh =
        BotTokenizers.of(ChatProperties.DEFAULT_SYNONYMS, resources).get(ChatLanguage.ZH);
    assertThat(zh.terms("支持Cash on Delivery吗")).contains("=货到付款").doesNotContain("=配送");
    assertThat(zh.terms("显示out-of-stock还会有吗")).contains("=补货");
    assertThat(zh.terms("shipping fee多少")).contains("=运费").doesNotContain("=配送");
    assertThat(zh.terms("shipping address能改吗")).contains("=收货地址").doesNotContain("=配送");
    assertThat(
            TraditionalChinese.forModel("支持cash on delivery嗎", TraditionalChinese.SHIPPED_ENGLISH))
        .isEqualTo("支持货到付款吗");
  }

  @Test
  void englishHasNoLexiconByDefault() {
    Map<ChatLanguage, Tokenizer> bot = BotTokenizers.of(ChatProperties.DEFAULT_SYNONYMS, resources);
    assertThat(bot.get(ChatLanguage.EN).terms("can I pay cash on delivery"))
        .isEqualTo(new JiebaTokenizer().terms("can I pay cash on delivery"));
  }

  @Test
  void anEmptyLocationTurnsTheLexiconOff() {
    Map<ChatLanguage, Tokenizer> bot = BotTokenizers.of(Map.of("zh", ""), resources);
    assertThat(bot.get(ChatLanguage.ZH).terms("能到付吗")).noneMatch(t -> t.startsWith("="));
  }

  /**
   * As Spring binds {@code cc.chat}: the shipped zh lexicon by default, an empty value turns it
   * off.
   */
  @Test
  void theSettingDefaultsToTheShippedLexiconAndAnEmptyValueTurnsItOff() {
    assertThat(bind(Map.of()).synonyms())
        .containsEntry("zh", "classpath:chat/synonyms-zh.txt")
        .doesNotContainKey("en");
    ChatProperties off = bind(Map.of("cc.chat.synonyms.zh", ""));
    assertThat(off.synonyms()).containsEntry("zh", "");
    assertThat(BotTokenizers.of(off.synonyms(), resources).get(ChatLanguage.ZH).terms("到付"))
        .noneMatch(t -> t.startsWith("="));
    ChatProperties own = bind(Map.of("cc.chat.synonyms.en", "classpath:chat/synonyms-zh.txt"));
    assertThat(own.synonyms()).containsKeys("zh", "en");
  }

  private static ChatProperties bind(Map<String, String> settings) {
    return new org.springframework.boot.context.properties.bind.Binder(
            new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(
                settings))
        .bindOrCreate("cc.chat", ChatProperties.class);
  }

  @Test
  void aMissingLexiconStopsTheStartNamingTheSetting() {
    assertThatThrownBy(() -> BotTokenizers.of(Map.of("zh", "classpath:chat/nope.txt"), resources))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cc.chat.synonyms.zh")
        .hasMessageContaining("chat/nope.txt");
  }
}
