package io.contactcenter.onlinechat.internal.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleConsumer;

/**
 * Groups historical questions into clusters of the same question without being told how many:
 * TF-IDF vectors, a leader pass (a question joins the most similar cluster centroid at or above
 * {@code threshold}, else starts one; candidates come from an inverted index of the centroids'
 * terms, so the pass stays near-linear), then a second pass that moves each question to its best
 * final centroid. Clusters smaller than {@code minSize} are left unclustered; a question with no
 * known term (a greeting made only of stop words, emoji) is unclustered too. Titles are each
 * cluster's most central question. Deterministic for the same input.
 *
 * <p>With a {@link SentenceEncoder} and a used {@link MeaningWeight}, a question's similarity to a
 * cluster fuses the TF-IDF cosine with the cosine of sentence embeddings (the centroid of the
 * cluster's embeddings), so paraphrases that share no word can meet. Every cluster is then a
 * candidate (no inverted index can find shared meaning): the pass costs questions × clusters × the
 * embedding's dimensions, plus one embedding per question (a few milliseconds each).
 */
public final class QuestionClusterer {

  /** A proposed FAQ: its title (most central question), and the 0-based rows it holds. */
  public record Cluster(String id, String title, List<Integer> rows) {
    public int size() {
      return rows.size();
    }
  }

  /** Clusters largest first, and the rows that joined none. */
  public record Result(List<Cluster> clusters, List<Integer> unclustered) {}

  private final Tokenizer tokenizer;
  private final double threshold;
  private final int minSize;
  private final double idfBoost;
  private final SentenceEncoder encoder;
  private final MeaningWeight meaning;

  public QuestionClusterer(Tokenizer tokenizer, double threshold, int minSize) {
    this(tokenizer, threshold, minSize, 0);
  }

  /** Clusters by words and meaning; see the class comment. */
  public QuestionClusterer(
      Tokenizer tokenizer,
      double threshold,
      int minSize,
      SentenceEncoder encoder,
      MeaningWeight meaning) {
    this(tokenizer, threshold, minSize, 0, encoder, meaning);
  }

  /**
   * @param idfBoost added to every term's IDF: 0 for a large upload, where a term in nearly every
   *     question says nothing; 1 for a small history, which may be all one question (with 0 its
   *     shared words would weigh nothing and it would not group at all)
   */
  public QuestionClusterer(Tokenizer tokenizer, double threshold, int minSize, double idfBoost) {
    this(
        tokenizer,
        threshold,
        minSize,
        idfBoost,
        text -> {
          throw new IllegalStateException("this clusterer groups by words only");
        },
        MeaningWeight.NONE);
  }

  private QuestionClusterer(
      Tokenizer tokenizer,
      double threshold,
      int minSize,
      double idfBoost,
      SentenceEncoder encoder,
      MeaningWeight meaning) {
    if (threshold <= 0 || threshold >= 1) {
      throw new IllegalArgumentException("threshold must be within (0, 1), got " + threshold);
    }
    if (minSize < 2) {
      throw new IllegalArgumentException("minSize must be at least 2, got " + minSize);
    }
    this.tokenizer = tokenizer;
    this.threshold = threshold;
    this.minSize = minSize;
    this.idfBoost = idfBoost;
    this.encoder = encoder;
    this.meaning = meaning;
  }

  /**
   * @param progress told the share done, 0 to 1, now and then
   */
  public Result cluster(List<String> texts, DoubleConsumer progress) {
    int n = texts.size();
    List<List<String>> terms = new ArrayList<>(n);
    Map<String, Integer> df = new HashMap<>();
    for (int i = 0; i < n; i++) {
      List<String> t = tokenizer.terms(texts.get(i));
      terms.add(t);
      new HashSet<>(t).forEach(term -> df.merge(term, 1, Integer::sum));
      if (i % 1000 == 0) {
        // Embedding (when used) is the slow part: tokenizing then counts for little.
        progress.accept((meaning.used() ? 0.05 : 0.3) * i / Math.max(1, n));
      }
    }
    List<Map<String, Double>> vectors = new ArrayList<>(n);
    for (List<String> t : terms) {
      Map<String, Double> v = new HashMap<>();
      t.forEach(term -> v.merge(term, 1.0, Double::sum));
      v.replaceAll(
          (term, count) ->
              (1 + Math.log(count)) * (idfBoost + Math.log((1.0 + n) / (1.0 + df.get(term)))));
      vectors.add(normalize(v));
    }
    boolean byMeaning = meaning.used();
    List<float[]> dense = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      // A text without a known word stays unclustered either way: nothing to embed.
      dense.add(byMeaning && !vectors.get(i).isEmpty() ? unit(encoder.encode(texts.get(i))) : null);
      if (byMeaning && i % 100 == 0) {
        progress.accept(0.05 + 0.25 * i / Math.max(1, n));
      }
    }
    List<float[]> denseSums = new ArrayList<>();
    List<float[]> denseCentroids = new ArrayList<>();

    List<Map<String, Double>> sums = new ArrayList<>();
    List<Map<String, Double>> centroids = new ArrayList<>();
    Map<String, Set<Integer>> postings = new HashMap<>();
    int[] assignment = new int[n];
    for (int i = 0; i < n; i++) {
      Map<String, Double> v = vectors.get(i);
      if (v.isEmpty()) {
        assignment[i] = -1;
        continue;
      }
      float[] d = dense.get(i);
      int best = bestCentroid(v, d, centroids, denseCentroids, postings);
      if (best >= 0 && similarity(v, d, centroids.get(best), denseCentroids, best) >= threshold) {
        assignment[i] = best;
        Map<String, Double> sum = sums.get(best);
        v.forEach((t, w) -> sum.merge(t, w, Double::sum));
        centroids.set(best, normalize(sum));
        if (byMeaning) {
          float[] denseSum = denseSums.get(best);
          for (int k = 0; k < denseSum.length; k++) {
            denseSum[k] += d[k];
          }
          denseCentroids.set(best, unit(denseSum));
        }
        for (String t : v.keySet()) {
          postings.computeIfAbsent(t, k -> new HashSet<>()).add(best);
        }
      } else {
        int id = centroids.size();
        sums.add(new HashMap<>(v));
        centroids.add(v);
        if (byMeaning) {
          denseSums.add(d.clone());
          denseCentroids.add(d);
        }
        for (String t : v.keySet()) {
          postings.computeIfAbsent(t, k -> new HashSet<>()).add(id);
        }
        assignment[i] = id;
      }
      if (i % 1000 == 0) {
        progress.accept(0.3 + 0.4 * i / Math.max(1, n));
      }
    }
    // Second pass: the leader pass depends on order; each question now joins its best centroid.
    Map<Integer, List<Integer>> members = new HashMap<>();
    for (int i = 0; i < n; i++) {
      if (assignment[i] < 0) {
        continue;
      }
      Map<String, Double> v = vectors.get(i);
      float[] d = dense.get(i);
      int best = bestCentroid(v, d, centroids, denseCentroids, postings);
      int chosen =
          best >= 0 && similarity(v, d, centroids.get(best), denseCentroids, best) >= threshold
              ? best
              : assignment[i];
      members.computeIfAbsent(chosen, k -> new ArrayList<>()).add(i);
      if (i % 1000 == 0) {
        progress.accept(0.7 + 0.3 * i / Math.max(1, n));
      }
    }
    List<Cluster> clusters = new ArrayList<>();
    List<Integer> unclustered = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (assignment[i] < 0) {
        unclustered.add(i);
      }
    }
    List<Integer> ids = new ArrayList<>(members.keySet());
    ids.sort(Comparator.naturalOrder());
    for (int id : ids) {
      List<Integer> rows = members.get(id);
      if (rows.size() < minSize) {
        unclustered.addAll(rows);
        continue;
      }
      Map<String, Double> centroid = centroidOf(rows, vectors);
      int central = rows.get(0);
      double closest = -1;
      for (int row : rows) {
        double s = dot(vectors.get(row), centroid);
        if (s > closest) {
          closest = s;
          central = row;
        }
      }
      rows.sort(Comparator.naturalOrder());
      clusters.add(new Cluster("", texts.get(central), List.copyOf(rows)));
    }
    clusters.sort(
        Comparator.comparingInt(Cluster::size).reversed().thenComparing(c -> c.rows().get(0)));
    List<Cluster> numbered = new ArrayList<>();
    for (int i = 0; i < clusters.size(); i++) {
      Cluster c = clusters.get(i);
      numbered.add(new Cluster("c" + (i + 1), c.title(), c.rows()));
    }
    unclustered.sort(Comparator.naturalOrder());
    progress.accept(1.0);
    return new Result(List.copyOf(numbered), List.copyOf(unclustered));
  }

  /**
   * The most central of some rows' questions by words (closest to their TF-IDF centroid, IDF
   * counted among these rows only, boosted by 1 as for a small history), as a cluster's title is
   * chosen; ties and texts without a known word go to the lowest row. For a cluster the admin
   * merged or split.
   */
  public int centralRow(List<String> texts, List<Integer> rows) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("no rows to choose a central question from");
    }
    List<Integer> sortedRows = new ArrayList<>(rows);
    sortedRows.sort(Comparator.naturalOrder());
    List<List<String>> terms = new ArrayList<>();
    Map<String, Integer> df = new HashMap<>();
    for (int row : sortedRows) {
      List<String> t = tokenizer.terms(texts.get(row));
      terms.add(t);
      new HashSet<>(t).forEach(term -> df.merge(term, 1, Integer::sum));
    }
    int n = sortedRows.size();
    List<Map<String, Double>> vectors = new ArrayList<>(n);
    for (List<String> t : terms) {
      Map<String, Double> v = new HashMap<>();
      t.forEach(term -> v.merge(term, 1.0, Double::sum));
      v.replaceAll(
          (term, count) ->
              (1 + Math.log(count)) * (1 + Math.log((1.0 + n) / (1.0 + df.get(term)))));
      vectors.add(normalize(v));
    }
    List<Integer> indexes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      indexes.add(i);
    }
    Map<String, Double> centroid = centroidOf(indexes, vectors);
    int central = sortedRows.get(0);
    double closest = 0;
    for (int i = 0; i < n; i++) {
      double s = dot(vectors.get(i), centroid);
      if (s > closest) {
        closest = s;
        central = sortedRows.get(i);
      }
    }
    return central;
  }

  private static Map<String, Double> centroidOf(
      List<Integer> rows, List<Map<String, Double>> vectors) {
    Map<String, Double> sum = new HashMap<>();
    for (int row : rows) {
      vectors.get(row).forEach((t, w) -> sum.merge(t, w, Double::sum));
    }
    return normalize(sum);
  }

  private double similarity(
      Map<String, Double> v,
      float[] d,
      Map<String, Double> centroid,
      List<float[]> denseCentroids,
      int c) {
    double words = dot(v, centroid);
    return meaning.used() ? meaning.fuse(words, dot(d, denseCentroids.get(c))) : words;
  }

  private int bestCentroid(
      Map<String, Double> v,
      float[] d,
      List<Map<String, Double>> centroids,
      List<float[]> denseCentroids,
      Map<String, Set<Integer>> postings) {
    Iterable<Integer> candidates;
    if (meaning.used()) {
      List<Integer> all = new ArrayList<>(centroids.size());
      for (int c = 0; c < centroids.size(); c++) {
        all.add(c);
      }
      candidates = all;
    } else {
      Set<Integer> sharing = new HashSet<>();
      for (String t : v.keySet()) {
        Set<Integer> p = postings.get(t);
        if (p != null) {
          sharing.addAll(p);
        }
      }
      candidates = sharing;
    }
    int best = -1;
    double bestScore = -1;
    for (int c : candidates) {
      double s = similarity(v, d, centroids.get(c), denseCentroids, c);
      if (s > bestScore || (s == bestScore && c < best)) {
        bestScore = s;
        best = c;
      }
    }
    return best;
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

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static Map<String, Double> normalize(Map<String, Double> v) {
    double norm = Math.sqrt(v.values().stream().mapToDouble(w -> w * w).sum());
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
}
