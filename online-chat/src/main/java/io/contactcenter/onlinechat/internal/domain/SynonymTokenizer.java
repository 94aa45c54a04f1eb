package io.contactcenter.onlinechat.internal.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A tokenizer that adds, to another's terms, one term per synonym group found in the text ({@code
 * =canonical}). Used on both sides, FAQ texts when indexing and questions when matching, so "到付吗"
 * and "支持货到付款吗" share a term although they share no word. The group term is a term of its own (not
 * the canonical word), so its weight is its own inverse document frequency over the FAQs.
 */
public final class SynonymTokenizer implements Tokenizer {

  /** The prefix of a synonym group's term. */
  public static final String GROUP = "=";

  private final Tokenizer words;
  private final Synonyms synonyms;

  public SynonymTokenizer(Tokenizer words, Synonyms synonyms) {
    this.words = words;
    this.synonyms = synonyms;
  }

  @Override
  public List<String> terms(String text) {
    List<String> terms = new ArrayList<>(words.terms(text));
    for (String canonical : synonyms.canonicalIn(text, terms)) {
      terms.add(GROUP + canonical);
    }
    return terms;
  }
}
