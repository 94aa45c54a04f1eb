package io.contactcenter.onlinechat.internal.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * An admin's review of one cold-start result: rename, merge, split (the admin picks the rows to
 * move out into a new cluster), discard and restore, accept as an FAQ (once). Clusters stay largest
 * first. A merged or split cluster is titled by its most central question unless the admin named
 * it. Each action returns a {@link Outcome}: applied, or refused with the rule it broke (the review
 * is then unchanged). Not thread-safe: the caller serializes actions on one review.
 */
public final class ClusterReview {

  public static final int MAX_TITLE = 500;

  /** Why an action was refused. */
  public enum Refusal {
    UNKNOWN_CLUSTER,
    SAME_CLUSTER,
    SPLIT_EMPTY,
    SPLIT_ALL,
    ROW_NOT_IN_CLUSTER,
    TITLE_BLANK,
    TITLE_TOO_LONG,
    ALREADY_ACCEPTED,
    DISCARDED,
    NOT_DISCARDED
  }

  /** What an action did. */
  public sealed interface Outcome permits Applied, Refused {}

  /** The action took effect. */
  public record Applied() implements Outcome {}

  /**
   * The action was refused; the review is unchanged.
   *
   * @param arguments what the refusal names (a cluster id, a row), for its message
   */
  public record Refused(Refusal refusal, List<Object> arguments) implements Outcome {}

  /**
   * One reviewed cluster.
   *
   * @param renamed the admin chose the title (a merge or split keeps it)
   * @param acceptedAs the FAQ id it became, or null
   */
  public record Cluster(
      String id,
      String title,
      List<Integer> rows,
      boolean renamed,
      boolean discarded,
      String acceptedAs) {
    public int size() {
      return rows.size();
    }

    Cluster with(String newTitle, List<Integer> newRows, boolean newRenamed) {
      return new Cluster(id, newTitle, newRows, newRenamed, discarded, acceptedAs);
    }
  }

  /**
   * The answer most often given to a cluster's questions.
   *
   * @param count how many of its questions got this answer (same text, case and spaces aside)
   * @param answered how many of its questions got any answer
   */
  public record ProposedAnswer(String text, int count, int answered) {}

  private final List<String> texts;
  private final List<String> answers;
  private final ToIntFunction<List<Integer>> central;
  private final Map<String, Cluster> clusters = new LinkedHashMap<>();
  private int nextId;
  private String lastCreated;

  /**
   * @param result the clusterer's proposal
   * @param texts the clustered questions, by row
   * @param answers per row, the agent's answer that followed the question, or null (same size as
   *     the clustered texts; all null when the upload had no answers)
   * @param central the most central of some rows (the clusterer's title rule)
   */
  public ClusterReview(
      QuestionClusterer.Result result,
      List<String> texts,
      List<String> answers,
      ToIntFunction<List<Integer>> central) {
    this.texts = texts;
    this.answers = answers;
    this.central = central;
    for (QuestionClusterer.Cluster c : result.clusters()) {
      clusters.put(c.id(), new Cluster(c.id(), c.title(), c.rows(), false, false, null));
    }
    nextId = result.clusters().size() + 1;
  }

  /**
   * Everything the admin's review changed, to be stored and restored after a restart.
   *
   * @param clusters every cluster, discarded ones included
   * @param nextId the number the next split's cluster id gets
   */
  public record Snapshot(List<Cluster> clusters, int nextId) {
    public Snapshot {
      clusters = List.copyOf(clusters);
    }
  }

  public Snapshot snapshot() {
    return new Snapshot(List.copyOf(clusters.values()), nextId);
  }

  /** A review as it was when {@code snapshot} was taken, over the same questions and answers. */
  public static ClusterReview restore(
      Snapshot snapshot,
      List<String> texts,
      List<String> answers,
      ToIntFunction<List<Integer>> central) {
    ClusterReview review =
        new ClusterReview(
            new QuestionClusterer.Result(List.of(), List.of()), texts, answers, central);
    for (Cluster c : snapshot.clusters()) {
      review.clusters.put(c.id(), c);
    }
    review.nextId = snapshot.nextId();
    return review;
  }

  /** The clusters not discarded, largest first (ties: the lowest row first). */
  public List<Cluster> clusters() {
    return sorted(clusters.values().stream().filter(c -> !c.discarded()).toList());
  }

  /** The discarded clusters, largest first. */
  public List<Cluster> discarded() {
    return sorted(clusters.values().stream().filter(Cluster::discarded).toList());
  }

  public Outcome rename(String id, String title) {
    Cluster c = clusters.get(id);
    if (c == null) {
      return refused(Refusal.UNKNOWN_CLUSTER, id);
    }
    String t = title == null ? "" : title.strip();
    if (t.isEmpty()) {
      return refused(Refusal.TITLE_BLANK);
    }
    if (t.length() > MAX_TITLE) {
      return refused(Refusal.TITLE_TOO_LONG, MAX_TITLE);
    }
    clusters.put(id, c.with(t, c.rows(), true));
    return new Applied();
  }

  /**
   * Moves {@code from}'s rows into {@code into}; {@code from} is gone. The title is {@code into}'s
   * if the admin named it, else the merged rows' most central question.
   */
  public Outcome merge(String into, String from) {
    Cluster target = clusters.get(into);
    Cluster source = clusters.get(from);
    if (target == null || source == null) {
      return refused(Refusal.UNKNOWN_CLUSTER, target == null ? into : from);
    }
    if (into.equals(from)) {
      return refused(Refusal.SAME_CLUSTER, into);
    }
    Outcome editable = editable(target);
    if (editable instanceof Refused) {
      return editable;
    }
    editable = editable(source);
    if (editable instanceof Refused) {
      return editable;
    }
    List<Integer> rows = new ArrayList<>(target.rows());
    rows.addAll(source.rows());
    rows.sort(Comparator.naturalOrder());
    clusters.remove(from);
    clusters.put(into, target.with(titleOf(target, rows), List.copyOf(rows), target.renamed()));
    return new Applied();
  }

  /**
   * Moves the given rows out of cluster {@code id} into a new cluster, titled by its most central
   * question; the rest keeps its name if the admin named it, else is retitled the same way.
   *
   * <p>On success the new cluster's id is {@link #lastCreated()}.
   */
  public Outcome split(String id, Collection<Integer> moved) {
    Cluster c = clusters.get(id);
    if (c == null) {
      return refused(Refusal.UNKNOWN_CLUSTER, id);
    }
    Outcome editable = editable(c);
    if (editable instanceof Refused) {
      return editable;
    }
    Set<Integer> out = new HashSet<>(moved == null ? List.of() : moved);
    if (out.isEmpty()) {
      return refused(Refusal.SPLIT_EMPTY, id);
    }
    Set<Integer> own = new HashSet<>(c.rows());
    for (int row : out) {
      if (!own.contains(row)) {
        return refused(Refusal.ROW_NOT_IN_CLUSTER, row, id);
      }
    }
    List<Integer> stays = c.rows().stream().filter(r -> !out.contains(r)).toList();
    if (stays.isEmpty()) {
      return refused(Refusal.SPLIT_ALL, id);
    }
    List<Integer> goes = c.rows().stream().filter(out::contains).toList();
    clusters.put(id, c.with(titleOf(c, stays), stays, c.renamed()));
    String newId = "c" + nextId++;
    clusters.put(newId, new Cluster(newId, titleOf(null, goes), goes, false, false, null));
    lastCreated = newId;
    return new Applied();
  }

  /** The cluster the last split created. */
  public String lastCreated() {
    return lastCreated;
  }

  /** Hides a cluster from the list; {@link #restore} brings it back. */
  public Outcome discard(String id) {
    Cluster c = clusters.get(id);
    if (c == null) {
      return refused(Refusal.UNKNOWN_CLUSTER, id);
    }
    Outcome editable = editable(c);
    if (editable instanceof Refused) {
      return editable;
    }
    clusters.put(id, new Cluster(id, c.title(), c.rows(), c.renamed(), true, null));
    return new Applied();
  }

  public Outcome restore(String id) {
    Cluster c = clusters.get(id);
    if (c == null) {
      return refused(Refusal.UNKNOWN_CLUSTER, id);
    }
    if (!c.discarded()) {
      return refused(Refusal.NOT_DISCARDED, id);
    }
    clusters.put(id, new Cluster(id, c.title(), c.rows(), c.renamed(), false, null));
    return new Applied();
  }

  /**
   * Checks that the cluster may become an FAQ (known, not discarded, not yet accepted), without
   * marking it: the caller saves the FAQ, then {@link #accepted}.
   */
  public Outcome mayAccept(String id) {
    Cluster c = clusters.get(id);
    if (c == null) {
      return refused(Refusal.UNKNOWN_CLUSTER, id);
    }
    return editable(c);
  }

  /** Marks the cluster as having become FAQ {@code faqId}; it may not be accepted again. */
  public Outcome accepted(String id, String faqId) {
    Outcome may = mayAccept(id);
    if (may instanceof Refused) {
      return may;
    }
    Cluster c = clusters.get(id);
    clusters.put(id, new Cluster(id, c.title(), c.rows(), c.renamed(), false, faqId));
    return new Applied();
  }

  /** The answer most often given to the cluster's questions, or null if none was answered. */
  public ProposedAnswer proposedAnswer(Cluster cluster) {
    return proposedAnswer(cluster.rows(), answers);
  }

  /**
   * The most frequent answer among the rows' answers; answers count as the same when equal but for
   * case and runs of spaces, and the first seen wording is shown. Ties go to the answer first given
   * (lowest row), so the proposal is stable.
   */
  public static ProposedAnswer proposedAnswer(List<Integer> rows, List<String> answers) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, String> wording = new LinkedHashMap<>();
    int answered = 0;
    for (int row : rows) {
      String a = row < answers.size() ? answers.get(row) : null;
      if (a == null || a.isBlank()) {
        continue;
      }
      answered++;
      String key = a.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
      counts.merge(key, 1, Integer::sum);
      wording.putIfAbsent(key, a.strip());
    }
    String best = null;
    int bestCount = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best == null ? null : new ProposedAnswer(wording.get(best), bestCount, answered);
  }

  private String titleOf(Cluster named, List<Integer> rows) {
    if (named != null && named.renamed()) {
      return named.title();
    }
    return texts.get(central.applyAsInt(rows));
  }

  private static Outcome editable(Cluster c) {
    if (c.acceptedAs() != null) {
      return refused(Refusal.ALREADY_ACCEPTED, c.id(), c.acceptedAs());
    }
    if (c.discarded()) {
      return refused(Refusal.DISCARDED, c.id());
    }
    return new Applied();
  }

  private static Refused refused(Refusal refusal, Object... arguments) {
    return new Refused(refusal, List.of(arguments));
  }

  private static List<Cluster> sorted(List<Cluster> list) {
    return list.stream()
        .sorted(
            Comparator.comparingInt(Cluster::size).reversed().thenComparing(c -> c.rows().get(0)))
        .toList();
  }
}
