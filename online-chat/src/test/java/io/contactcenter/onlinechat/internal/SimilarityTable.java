package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.internal.domain.FaqEntry;
import io.contactcenter.onlinechat.internal.domain.MeaningWeight;
import io.contactcenter.onlinechat.internal.domain.SentenceEncoder;
import io.contactcenter.onlinechat.internal.domain.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every question's similarity to every FAQ example, by words (sublinear TF-IDF cosine, IDF over the
 * examples, as {@link io.contactcenter.onlinechat.internal.domain.FaqIndex} computes it) and by
 * meaning (embedding cosine), and to every FAQ's centroids: computed once, so ways of aggregating
 * them into an FAQ's score can be compared in seconds ({@link PublicIntentSetBenchmark#methods}).
 */
final class SimilarityTable {

  private final int[] faqOf;
  private final int faqCount;
  private final List<String> labels;
  private final List<String> faqIds;
  private final float[][] words;
  private final float[][] meaning;
  private final float[][] wordCentroid;
  private final float[][] meaningCentroid;
  private final float[][][] topWords;
  private final float[][][] topMeaning;

  private SimilarityTable(
      int[] faqOf,
      List<String> faqIds,
      List<String> labels,
      float[][] words,
      float[][] meaning,
      float[][] wordCentroid,
      float[][] meaningCentroid) {
    this.faqOf = faqOf;
    this.faqIds = faqIds;
    this.faqCount = faqIds.size();
    this.labels = labels;
    this.words = words;
    this.meaning = meaning;
    this.wordCentroid = wordCentroid;
    this.meaningCentroid = meaningCentroid;
    this.topWords = new float[labels.size()][][];
    this.topMeaning = new float[labels.size()][][];
  }

  static SimilarityTable of(
      List<FaqEntry> faqs,
      List<PublicIntentSet.Row> questions,
      Tokenizer tokenizer,
      SentenceEncoder encoder) {
    List<String> texts = new ArrayList<>();
    List<Integer> owner = new ArrayList<>();
    for (int f = 0; f < faqs.size(); f++) {
      for (String q : faqs.get(f).questions()) {
        texts.add(q);
        owner.add(f);
      }
    }
    int n = texts.size();
    List<List<String>> terms = new ArrayList<>();
    Map<String, Integer> df = new HashMap<>();
    for (String t : texts) {
      List<String> ts = tokenizer.terms(t);
      terms.add(ts);
      ts.stream().distinct().forEach(term -> df.merge(term, 1, Integer::sum));
    }
    Map<String, Double> idf = new HashMap<>();
    df.forEach((t, d) -> idf.put(t, Math.log((1.0 + n) / (1.0 + d)) + 1.0));
    List<Map<String, Double>> vectors = new ArrayList<>();
    float[][] embeddings = new float[n][];
    List<Map<String, Double>> centroids = new ArrayList<>();
    float[][] denseCentroids = new float[faqs.size()][];
    for (int f = 0; f < faqs.size(); f++) {
      centroids.add(new HashMap<>());
    }
    for (int i = 0; i < n; i++) {
      Map<String, Double> v = vector(terms.get(i), idf);
      vectors.add(v);
      Map<String, Double> centroid = centroids.get(owner.get(i));
      v.forEach((t, w) -> centroid.merge(t, w, Double::sum));
      embeddings[i] = unit(encoder.encode(texts.get(i)));
      int f = owner.get(i);
      if (denseCentroids[f] == null) {
        denseCentroids[f] = new float[embeddings[i].length];
      }
      for (int k = 0; k < embeddings[i].length; k++) {
        denseCentroids[f][k] += embeddings[i][k];
      }
    }
    centroids.replaceAll(SimilarityTable::normalize);
    for (int f = 0; f < faqs.size(); f++) {
      denseCentroids[f] = unit(denseCentroids[f]);
    }
    int q = questions.size();
    float[][] words = new float[q][n];
    float[][] meaning = new float[q][n];
    float[][] wordCentroid = new float[q][faqs.size()];
    float[][] meaningCentroid = new float[q][faqs.size()];
    for (int j = 0; j < q; j++) {
      String text = questions.get(j).text();
      Map<String, Double> v = vector(tokenizer.terms(text), idf);
      float[] e = unit(encoder.encode(text));
      for (int i = 0; i < n; i++) {
        words[j][i] = (float) dot(v, vectors.get(i));
        meaning[j][i] = (float) dot(e, embeddings[i]);
      }
      for (int f = 0; f < faqs.size(); f++) {
        wordCentroid[j][f] = (float) dot(v, centroids.get(f));
        meaningCentroid[j][f] = (float) dot(e, denseCentroids[f]);
      }
    }
    int[] faqOf = owner.stream().mapToInt(Integer::intValue).toArray();
    return new SimilarityTable(
        faqOf,
        faqs.stream().map(FaqEntry::faqId).toList(),
        questions.stream().map(PublicIntentSet.Row::category).toList(),
        words,
        meaning,
        wordCentroid,
        meaningCentroid);
  }

  int examples() {
    return faqOf.length;
  }

  /** Questions whose best-scoring FAQ is their own, under one aggregate and meaning weight. */
  int top1(String aggregate, MeaningWeight weight) {
    int right = 0;
    for (int j = 0; j < labels.size(); j++) {
      double[] scores = scores(j, aggregate, weight);
      int best = 0;
      for (int f = 1; f < faqCount; f++) {
        if (scores[f] > scores[best]) {
          best = f;
        }
      }
      right += faqIds.get(best).equals(labels.get(j)) ? 1 : 0;
    }
    return right;
  }

  private double[] scores(int j, String aggregate, MeaningWeight weight) {
    double[] scores = new double[faqCount];
    if (aggregate.startsWith("knn")) {
      int k = Integer.parseInt(aggregate.substring(3));
      double[] fused = new double[faqOf.length];
      for (int i = 0; i < fused.length; i++) {
        fused[i] = weight.fuse(words[j][i], meaning[j][i]);
      }
      Integer[] order = new Integer[fused.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Double.compare(fused[b], fused[a]));
      for (int r = 0; r < Math.min(k, order.length); r++) {
        scores[faqOf[order[r]]] += fused[order[r]];
      }
      return scores;
    }
    if (topWords[j] == null) {
      topWords[j] = new float[faqCount][];
      topMeaning[j] = new float[faqCount][];
      List<List<Float>> w = new ArrayList<>();
      List<List<Float>> m = new ArrayList<>();
      for (int f = 0; f < faqCount; f++) {
        w.add(new ArrayList<>());
        m.add(new ArrayList<>());
      }
      for (int i = 0; i < faqOf.length; i++) {
        w.get(faqOf[i]).add(words[j][i]);
        m.get(faqOf[i]).add(meaning[j][i]);
      }
      for (int f = 0; f < faqCount; f++) {
        topWords[j][f] = top(w.get(f));
        topMeaning[j][f] = top(m.get(f));
      }
    }
    for (int f = 0; f < faqCount; f++) {
      // "a/b": words aggregated as a, meaning as b.
      String[] ways =
          aggregate.contains("/") ? aggregate.split("/") : new String[] {aggregate, aggregate};
      double ws = aggregate(ways[0], topWords[j][f], wordCentroid[j][f]);
      double ms = aggregate(ways[1], topMeaning[j][f], meaningCentroid[j][f]);
      scores[f] = weight.used() ? weight.fuse(ws, ms) : ws;
    }
    return scores;
  }

  /** The 20 highest similarities, highest first. */
  private static float[] top(List<Float> sims) {
    sims.sort((a, b) -> Float.compare(b, a));
    float[] top = new float[Math.min(20, sims.size())];
    for (int r = 0; r < top.length; r++) {
      top[r] = sims.get(r);
    }
    return top;
  }

  private static double aggregate(String how, float[] sims, double centroid) {
    return switch (how) {
      case "max+centroid" -> (sims[0] + centroid) / 2;
      case "centroid" -> centroid;
      default -> {
        boolean withCentroid = how.endsWith("+centroid");
        int k = Integer.parseInt(how.substring(3, withCentroid ? how.indexOf('+') : how.length()));
        double sum = 0;
        int used = Math.min(k, sims.length);
        for (int r = 0; r < used; r++) {
          sum += sims[r];
        }
        double top = sum / used;
        yield withCentroid ? (top + centroid) / 2 : top;
      }
    };
  }

  private static Map<String, Double> vector(List<String> terms, Map<String, Double> idf) {
    Map<String, Integer> counts = new HashMap<>();
    terms.forEach(t -> counts.merge(t, 1, Integer::sum));
    Map<String, Double> v = new HashMap<>();
    counts.forEach(
        (t, c) -> {
          Double w = idf.get(t);
          if (w != null) {
            v.put(t, (1 + Math.log(c)) * w);
          }
        });
    return normalize(v);
  }

  private static Map<String, Double> normalize(Map<String, Double> v) {
    double norm = Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
    Map<String, Double> unit = new HashMap<>();
    if (norm > 0) {
      v.forEach((t, w) -> unit.put(t, w / norm));
    }
    return unit;
  }

  private static double dot(Map<String, Double> a, Map<String, Double> b) {
    if (a.size() > b.size()) {
      return dot(b, a);
    }
    double sum = 0;
    for (Map.Entry<String, Double> e : a.entrySet()) {
      Double w = b.get(e.getKey());
      if (w != null) {
        sum += e.getValue() * w;
      }
    }
    return sum;
  }

  private static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    float[] u = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      u[i] = norm == 0 ? 0 : (float) (v[i] / norm);
    }
    return u;
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
