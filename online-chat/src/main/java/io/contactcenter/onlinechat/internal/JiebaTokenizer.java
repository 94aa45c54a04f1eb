package io.contactcenter.onlinechat.internal;

import com.huaban.analysis.jieba.JiebaSegmenter;
import com.huaban.analysis.jieba.SegToken;
import io.contactcenter.onlinechat.internal.domain.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Terms for FAQ matching in Chinese and English alike (shoppers mix them: "iPhone 退货"). Chinese
 * runs are segmented by jieba (search mode, so compounds also yield their parts) and contribute
 * character bigrams too, which catch words jieba's dictionary splits differently; Latin words are
 * lower-cased, stop words dropped and plural/verb endings trimmed.
 */
final class JiebaTokenizer implements Tokenizer {

  private static final Set<String> STOP =
      Set.of(
          "a", "an", "the", "i", "me", "my", "is", "are", "am", "be", "to", "of", "it", "do",
          "does", "did", "can", "could", "would", "will", "you", "your", "we", "our", "and", "or",
          "in", "on", "for", "with", "this", "that", "please", "hi", "hello", "there", "what",
          "how", "there's", "im", "i'm", "at", "as", "so", "if", "about", "just", "的", "了", "吗",
          "呢", "吧", "啊", "呀", "我", "你", "您", "是", "在", "么", "什么", "怎么", "请问", "一下", "这个", "那个", "有",
          "和", "就", "都", "也", "还", "能", "可以", "要", "想", "请", "好", "个", "哪");

  private final JiebaSegmenter segmenter = new JiebaSegmenter();

  @Override
  public List<String> terms(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    List<String> terms = new ArrayList<>();
    StringBuilder latin = new StringBuilder();
    StringBuilder han = new StringBuilder();
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
        flushLatin(latin, terms);
        han.appendCodePoint(cp);
      } else if (Character.isLetterOrDigit(cp) || cp == '\'') {
        flushHan(han, terms);
        latin.appendCodePoint(cp);
      } else {
        flushLatin(latin, terms);
        flushHan(han, terms);
      }
    }
    flushLatin(latin, terms);
    flushHan(han, terms);
    return terms;
  }

  private static void flushLatin(StringBuilder latin, List<String> terms) {
    if (latin.isEmpty()) {
      return;
    }
    String word = latin.toString().replace("'", "");
    latin.setLength(0);
    if (!word.isEmpty() && !STOP.contains(word)) {
      terms.add(stem(word));
    }
  }

  private void flushHan(StringBuilder han, List<String> terms) {
    if (han.isEmpty()) {
      return;
    }
    String run = han.toString();
    han.setLength(0);
    for (SegToken token : segmenter.process(run, JiebaSegmenter.SegMode.SEARCH)) {
      if (!STOP.contains(token.word)) {
        terms.add(token.word);
      }
    }
    for (int i = 0; i + 1 < run.length(); i++) {
      terms.add("#" + run.substring(i, i + 2));
    }
  }

  /** A light suffix trim: "refunds", "refunded", "refunding" all become "refund". */
  static String stem(String word) {
    if (word.length() > 5 && word.endsWith("ing")) {
      return word.substring(0, word.length() - 3);
    }
    if (word.length() > 4 && word.endsWith("ed")) {
      return word.substring(0, word.length() - 2);
    }
    if (word.length() > 4 && word.endsWith("ies")) {
      return word.substring(0, word.length() - 3) + "y";
    }
    if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }
}
