package io.contactcenter.asrtts.internal.intent;

import io.contactcenter.asrtts.IntentLabel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Multinomial logistic regression over sparse binary features, trained in memory with AdaGrad and
 * L2 regularisation. Logistic regression rather than naive Bayes because its probabilities are
 * usable as confidences: naive Bayes multiplies correlated n-gram evidence and is near-certain
 * about everything, which would make the unknown threshold meaningless.
 *
 * <p>Immutable once trained; thread-safe.
 */
final class SoftmaxModel {

  /** One training example: its features and its label. */
  record Example(Set<String> features, IntentLabel label) {}

  private static final IntentLabel[] LABELS = IntentLabel.values();
  private static final int K = LABELS.length;

  private final Map<String, Integer> index;
  private final double[] weights; // feature-major: weights[f * K + k]
  private final double[] bias;

  private SoftmaxModel(Map<String, Integer> index, double[] weights, double[] bias) {
    this.index = index;
    this.weights = weights;
    this.bias = bias;
  }

  /**
   * Trains a model. Deterministic: the same examples give the same model.
   *
   * @param epochs passes over the data
   * @param l2 regularisation strength per step
   */
  static SoftmaxModel train(List<Example> examples, int epochs, double learningRate, double l2) {
    Map<String, Integer> index = new HashMap<>();
    List<int[]> encoded = new ArrayList<>(examples.size());
    for (Example example : examples) {
      encoded.add(encode(example.features(), index, true));
    }
    int features = index.size();
    double[] w = new double[features * K];
    double[] g2 = new double[features * K];
    double[] b = new double[K];
    double[] b2 = new double[K];
    double[] p = new double[K];
    int[] order = new int[examples.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Random random = new Random(20261123L);
    for (int epoch = 0; epoch < epochs; epoch++) {
      shuffle(order, random);
      for (int i : order) {
        int[] x = encoded.get(i);
        int y = examples.get(i).label().ordinal();
        probabilities(x, w, b, p);
        for (int k = 0; k < K; k++) {
          double gradient = p[k] - (k == y ? 1.0 : 0.0);
          b2[k] += gradient * gradient;
          b[k] -= learningRate * gradient / Math.sqrt(b2[k] + 1e-8);
          for (int f : x) {
            int at = f * K + k;
            double g = gradient + l2 * w[at];
            g2[at] += g * g;
            w[at] -= learningRate * g / Math.sqrt(g2[at] + 1e-8);
          }
        }
      }
    }
    return new SoftmaxModel(Map.copyOf(index), w, b);
  }

  /** The probability of every label, indexed by {@link IntentLabel#ordinal()}. */
  double[] probabilities(Collection<String> features) {
    double[] p = new double[K];
    probabilities(encode(features, index, false), weights, bias, p);
    return p;
  }

  /** How many distinct features training saw. */
  int featureCount() {
    return index.size();
  }

  private static int[] encode(
      Collection<String> features, Map<String, Integer> index, boolean grow) {
    int[] x = new int[features.size()];
    int n = 0;
    for (String feature : features) {
      Integer id = grow ? index.computeIfAbsent(feature, f -> index.size()) : index.get(feature);
      if (id != null) {
        x[n++] = id;
      }
    }
    return n == x.length ? x : Arrays.copyOf(x, n);
  }

  private static void probabilities(int[] x, double[] w, double[] b, double[] p) {
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < K; k++) {
      double z = b[k];
      for (int f : x) {
        z += w[f * K + k];
      }
      p[k] = z;
      max = Math.max(max, z);
    }
    double sum = 0;
    for (int k = 0; k < K; k++) {
      p[k] = Math.exp(p[k] - max);
      sum += p[k];
    }
    for (int k = 0; k < K; k++) {
      p[k] /= sum;
    }
  }

  private static void shuffle(int[] a, Random random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
