package io.contactcenter.onlinechat.internal.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable index of one language's FAQs. A question scores against every example of an FAQ
 * (cosine of sublinear TF-IDF vectors) and against the FAQ's centroid; the FAQ's word score is the
 * mean of its best example and its centroid, which rewards both a near paraphrase and overall
 * topic. With a {@link SentenceEncoder} and a {@link MeaningWeight}, the same mean is taken over
 * sentence embeddings and fused with the word score: short questions that share one word with a
 * neighbouring FAQ, or none with their own, are then told apart by meaning. Matching by meaning, an
 * FAQ with many texts ({@link #MANY_EXAMPLES}) scores by the mean of its {@link #CLOSEST} closest
 * examples instead, in words and in meaning (ADR 0060). An out-of-scope entry ({@link
 * FaqEntry#outOfScope()}) scores by its closest example alone (ADR 0061).
 *
 * <p>Building the word part is linear in the text size (milliseconds for thousands of examples), so
 * an edit rebuilds the index instead of patching it; embeddings of texts the previous index already
 * held are reused, so an edit embeds only the texts it added or changed. Thread-safe once built.
 */
public final class FaqIndex {

  /**
   * Matching by meaning, an FAQ with at least this many texts scores by its {@link #CLOSEST}
   * closest examples (words and meaning alike) instead of its closest one and its centroid (ADR
   * 0060): the centroid of a few paraphrases is their common topic, but of a hundred it is a blur
   * between the ways people ask, and one example (loosely worded, or closer to another FAQ) decides
   * the closest alone. Chosen on a validation split of the public 77-intent set's train questions;
   * by words only it lost there, so an index without meaning scores as before, and so do the shop
   * FAQs (about six texts each).
   */
  static final int MANY_EXAMPLES = 20;

  /** How many closest examples an FAQ with many texts is scored by (their mean similarity). */
  static final int CLOSEST = 5;

  private static final SentenceEncoder NO_ENCODER =
      text -> {
        throw new IllegalStateException("this index matches by words only");
      };

  private final Tokenizer tokenizer;
  private final SentenceEncoder encoder;
  private final MeaningWeight meaning;
  private final Map<String, Double> idf;
  private final List<Indexed> entries;
  private final Map<String, float[]> embeddings;

  private record Indexed(
      FaqEntry faq,
      List<Map<String, Double>> examples,
      Map<String, Double> centroid,
      List<float[]> exampleMeanings,
      float[] centroidMeaning) {}

  private FaqIndex(
      Tokenizer tokenizer,
      SentenceEncoder encoder,
      MeaningWeight meaning,
      Map<String, Double> idf,
      List<Indexed> entries,
      Map<String, float[]> embeddings) {
    this.tokenizer = tokenizer;
    this.encoder = encoder;
    this.meaning = meaning;
    this.idf = idf;
    this.entries = entries;
    this.embeddings = embeddings;
  }

  /** An index matching by words only. */
  public static FaqIndex build(List<FaqEntry> faqs, Tokenizer tokenizer) {
    return build(faqs, tokenizer, NO_ENCODER, MeaningWeight.NONE, null);
  }

  /**
   * An index matching by words and, if {@code meaning} is used, by meaning too.
   *
   * @param previous the index this one replaces, whose embeddings are reused for unchanged texts;
   *     null for none
   */
  public static FaqIndex build(
      List<FaqEntry> faqs,
      Tokenizer tokenizer,
      SentenceEncoder encoder,
      MeaningWeight meaning,
      FaqIndex previous) {
    Map<String, Integer> documentFrequency = new HashMap<>();
    int documents = 0;
    List<List<List<String>>> tokenized = new ArrayList<>();
    for (FaqEntry faq : faqs) {
      List<List<String>> perExample = new ArrayList<>();
      for (String question : faq.questions()) {
        List<String> terms = tokenizer.terms(question);
        perExample.add(terms);
        documents++;
        terms.stream().distinct().forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
      }
      tokenized.add(perExample);
    }
    Map<String, Double> idf = new HashMap<>();
    int n = documents;
    documentFrequency.forEach((term, df) -> idf.put(term, Math.log((1.0 + n) / (1.0 + df)) + 1.0));
    Map<String, float[]> known =
        previous == null || !previous.meaning.used() ? Map.of() : previous.embeddings;
    Map<String, float[]> embeddings = new HashMap<>();
    List<Indexed> entries = new ArrayList<>();
    for (int i = 0; i < faqs.size(); i++) {
      List<Map<String, Double>> vectors = new ArrayList<>();
      Map<String, Double> centroid = new HashMap<>();
      for (List<String> terms : tokenized.get(i)) {
        Map<String, Double> vector = vector(terms, idf);
        vectors.add(vector);
        vector.forEach((t, w) -> centroid.merge(t, w, Double::sum));
      }
      List<float[]> meanings = new ArrayList<>();
      float[] centroidMeaning = new float[0];
      if (meaning.used()) {
        for (String question : faqs.get(i).questions()) {
          float[] e = embeddings.get(question);
          if (e == null) {
            e = known.get(question);
          }
          if (e == null) {
            e = unit(encoder.encode(question));
          }
          embeddings.put(question, e);
          meanings.add(e);
        }
        centroidMeaning = mean(meanings);
      }
      entries.add(
          new Indexed(
              faqs.get(i), vectors, normalize(centroid), List.copyOf(meanings), centroidMeaning));
    }
    return new FaqIndex(tokenizer, encoder, meaning, idf, entries, Map.copyOf(embeddings));
  }

  /**
   * FAQs by descending score, at most {@code limit}, none scoring 0. By words only, an FAQ sharing
   * no term is left out; by meaning too, any FAQ may follow (the thresholds decide).
   */
  public List<FaqMatch> match(String question, int limit) {
    Map<String, Double> query = vector(tokenizer.terms(question), idf);
    boolean byMeaning = meaning.used() && !entries.isEmpty() && !question.isBlank();
    if (query.isEmpty() && !byMeaning) {
      return List.of();
    }
    float[] asked = byMeaning ? unit(encoder.encode(question)) : null;
    List<FaqMatch> matches = new ArrayList<>();
    for (Indexed entry : entries) {
      // An out-of-scope entry gathers unrelated questions: its centroid and its five closest
      // texts stand for no one question, so only its closest text counts (ADR 0061).
      boolean nearest = entry.faq().outOfScope();
      boolean many = !nearest && byMeaning && entry.examples().size() >= MANY_EXAMPLES;
      Closest words = new Closest(many ? CLOSEST : 1);
      for (Map<String, Double> example : entry.examples()) {
        words.offer(dot(query, example));
      }
      double score =
          many || nearest ? words.mean() : (words.mean() + dot(query, entry.centroid())) / 2;
      if (byMeaning && !entry.exampleMeanings().isEmpty()) {
        Closest closest = new Closest(many ? CLOSEST : 1);
        for (float[] example : entry.exampleMeanings()) {
          closest.offer(dot(asked, example));
        }
        score =
            meaning.fuse(
                score,
                many || nearest
                    ? closest.mean()
                    : (closest.mean() + dot(asked, entry.centroidMeaning())) / 2);
      }
      if (score > 0) {
        matches.add(new FaqMatch(entry.faq(), Math.min(1.0, score)));
      }
    }
    matches.sort(Comparator.comparingDouble(FaqMatch::score).reversed());
    return matches.size() > limit ? List.copyOf(matches.subList(0, limit)) : matches;
  }

  public int size() {
    return entries.size();
  }

  /** The highest similarities offered, at most {@code k} of them; their mean. */
  private static final class Closest {
    private final double[] top;
    private int count;

    Closest(int k) {
      top = new double[k];
    }

    void offer(double similarity) {
      int at = count < top.length ? count++ : top.length;
      // Insertion into the descending array; a value below the k-th falls off the end.
      while (at > 0 && top[at - 1] < similarity) {
        if (at < top.length) {
          top[at] = top[at - 1];
        }
        at--;
      }
      if (at < top.length) {
        top[at] = similarity;
      }
    }

    double mean() {
      if (count == 0) {
        return 0;
      }
      double sum = 0;
      for (int i = 0; i < count; i++) {
        sum += top[i];
      }
      return sum / count;
    }
  }

  /** The texts embedded so far (FAQ questions and examples), for the next build to reuse. */
  public int embeddedTexts() {
    return embeddings.size();
  }

  private static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    float[] unit = new float[v.length];
    if (norm > 0) {
      for (int i = 0; i < v.length; i++) {
        unit[i] = (float) (v[i] / norm);
      }
    }
    return unit;
  }

  private static float[] mean(List<float[]> vectors) {
    if (vectors.isEmpty()) {
      return new float[0];
    }
    float[] sum = new float[vectors.get(0).length];
    for (float[] v : vectors) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += v[i];
      }
    }
    return unit(sum);
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static Map<String, Double> vector(List<String> terms, Map<String, Double> idf) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    terms.forEach(t -> counts.merge(t, 1, Integer::sum));
    Map<String, Double> vector = new HashMap<>();
    counts.forEach(
        (term, count) -> {
          Double weight = idf.get(term);
          if (weight != null) {
            vector.put(term, (1 + Math.log(count)) * weight);
          }
        });
    return normalize(vector);
  }

  private static Map<String, Double> normalize(Map<String, Double> vector) {
    double norm = Math.sqrt(vector.values().stream().mapToDouble(w -> w * w).sum());
    if (norm == 0) {
      return Map.of();
    }
    Map<String, Double> unit = new HashMap<>();
    vector.forEach((t, w) -> unit.put(t, w / norm));
    return unit;
  }

  private static double dot(Map<String, Double> small, Map<String, Double> large) {
    if (small.size() > large.size()) {
      return dot(large, small);
    }
    double sum = 0;
    for (Map.Entry<String, Double> e : small.entrySet()) {
      Double w = large.get(e.getKey());
      if (w != null) {
        sum += e.getValue() * w;
      }
    }
    return sum;
  }
}
