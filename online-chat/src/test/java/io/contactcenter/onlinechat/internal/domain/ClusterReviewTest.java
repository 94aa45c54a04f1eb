package io.contactcenter.onlinechat.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ClusterReviewTest {

  static final List<String> TEXTS =
      List.of(
          "how long does a refund take", // 0
          "how long does my refund take", // 1
          "refund how long", // 2
          "do you ship to canada", // 3
          "shipping to canada", // 4
          "can I pay with paypal", // 5
          "paypal payment", // 6
          "refund to paypal how long", // 7
          "hello"); // 8

  static final QuestionClusterer WORDS =
      new QuestionClusterer(
          text ->
              Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\W+"))
                  .filter(w -> !w.isEmpty())
                  .toList(),
          0.25,
          2);

  /** c1 refunds (0, 1, 2, 7), c2 shipping (3, 4), c3 paypal (5, 6); 8 unclustered. */
  static ClusterReview review(List<String> answers) {
    QuestionClusterer.Result result =
        new QuestionClusterer.Result(
            List.of(
                new QuestionClusterer.Cluster("c1", TEXTS.get(0), List.of(0, 1, 2, 7)),
                new QuestionClusterer.Cluster("c2", TEXTS.get(3), List.of(3, 4)),
                new QuestionClusterer.Cluster("c3", TEXTS.get(5), List.of(5, 6))),
            List.of(8));
    return new ClusterReview(result, TEXTS, answers, rows -> WORDS.centralRow(TEXTS, rows));
  }

  static ClusterReview review() {
    return review(java.util.Collections.nCopies(TEXTS.size(), null));
  }

  static ClusterReview.Cluster cluster(ClusterReview review, String id) {
    return review.clusters().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  static ClusterReview.Refused refused(ClusterReview.Refusal refusal, Object... arguments) {
    return new ClusterReview.Refused(refusal, List.of(arguments));
  }

  @Test
  void mergingUnitesTheRowsTitlesByTheMostCentralQuestionAndKeepsTheLargestFirst() {
    ClusterReview review = review();

    assertThat(review.merge("c3", "c2")).isEqualTo(new ClusterReview.Applied());

    assertThat(review.clusters()).extracting(ClusterReview.Cluster::id).containsExactly("c1", "c3");
    ClusterReview.Cluster merged = cluster(review, "c3");
    assertThat(merged.rows()).containsExactly(3, 4, 5, 6);
    assertThat(merged.title()).isEqualTo(TEXTS.get(WORDS.centralRow(TEXTS, List.of(3, 4, 5, 6))));

    assertThat(review.merge("c1", "c3")).isEqualTo(new ClusterReview.Applied());
    assertThat(review.clusters()).hasSize(1);
    assertThat(review.clusters().get(0).rows()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
  }

  @Test
  void aMergeKeepsTheNameTheAdminGave() {
    ClusterReview review = review();
    review.rename("c2", "Shipping and payment");

    review.merge("c2", "c3");

    assertThat(cluster(review, "c2").title()).isEqualTo("Shipping and payment");
    assertThat(cluster(review, "c2").renamed()).isTrue();
  }

  @Test
  void mergingIsRefusedForTheSameOrAnUnknownCluster() {
    ClusterReview review = review();

    assertThat(review.merge("c1", "c1"))
        .isEqualTo(refused(ClusterReview.Refusal.SAME_CLUSTER, "c1"));
    assertThat(review.merge("c1", "c9"))
        .isEqualTo(refused(ClusterReview.Refusal.UNKNOWN_CLUSTER, "c9"));
    assertThat(review.merge("c9", "c1"))
        .isEqualTo(refused(ClusterReview.Refusal.UNKNOWN_CLUSTER, "c9"));
    assertThat(review.clusters()).hasSize(3);
  }

  @Test
  void splittingMovesThePickedRowsIntoANewClusterTitledByItsCentralQuestion() {
    ClusterReview review = review();

    assertThat(review.split("c1", List.of(7))).isEqualTo(new ClusterReview.Applied());

    assertThat(review.lastCreated()).isEqualTo("c4");
    assertThat(cluster(review, "c1").rows()).containsExactly(0, 1, 2);
    assertThat(cluster(review, "c4").rows()).containsExactly(7);
    assertThat(cluster(review, "c4").title()).isEqualTo("refund to paypal how long");
    assertThat(review.clusters())
        .extracting(ClusterReview.Cluster::id)
        .containsExactly("c1", "c2", "c3", "c4");
  }

  @Test
  void aSplitMustMoveSomethingAndLeaveSomethingAndOnlyMoveItsOwnRows() {
    ClusterReview review = review();

    assertThat(review.split("c2", List.of()))
        .isEqualTo(refused(ClusterReview.Refusal.SPLIT_EMPTY, "c2"));
    assertThat(review.split("c2", List.of(3, 4)))
        .isEqualTo(refused(ClusterReview.Refusal.SPLIT_ALL, "c2"));
    assertThat(review.split("c2", List.of(5)))
        .isEqualTo(refused(ClusterReview.Refusal.ROW_NOT_IN_CLUSTER, 5, "c2"));
    assertThat(review.split("c7", List.of(5)))
        .isEqualTo(refused(ClusterReview.Refusal.UNKNOWN_CLUSTER, "c7"));
    assertThat(cluster(review, "c2").rows()).containsExactly(3, 4);
  }

  @Test
  void renamingNeedsAShortTitle() {
    ClusterReview review = review();

    assertThat(review.rename("c1", "  Refund time ")).isEqualTo(new ClusterReview.Applied());
    assertThat(cluster(review, "c1").title()).isEqualTo("Refund time");
    assertThat(review.rename("c1", " ")).isEqualTo(refused(ClusterReview.Refusal.TITLE_BLANK));
    assertThat(review.rename("c1", "x".repeat(501)))
        .isEqualTo(refused(ClusterReview.Refusal.TITLE_TOO_LONG, 500));
    assertThat(review.rename("c8", "x"))
        .isEqualTo(refused(ClusterReview.Refusal.UNKNOWN_CLUSTER, "c8"));
  }

  @Test
  void aDiscardedClusterLeavesTheListUntilRestoredAndCannotBeEditedMeanwhile() {
    ClusterReview review = review();

    assertThat(review.discard("c2")).isEqualTo(new ClusterReview.Applied());
    assertThat(review.clusters()).extracting(ClusterReview.Cluster::id).containsExactly("c1", "c3");
    assertThat(review.discarded()).extracting(ClusterReview.Cluster::id).containsExactly("c2");
    assertThat(review.merge("c1", "c2")).isEqualTo(refused(ClusterReview.Refusal.DISCARDED, "c2"));
    assertThat(review.mayAccept("c2")).isEqualTo(refused(ClusterReview.Refusal.DISCARDED, "c2"));

    assertThat(review.restore("c2")).isEqualTo(new ClusterReview.Applied());
    assertThat(review.restore("c2")).isEqualTo(refused(ClusterReview.Refusal.NOT_DISCARDED, "c2"));
    assertThat(review.discarded()).isEmpty();
    assertThat(review.clusters()).hasSize(3);
  }

  @Test
  void anAcceptedClusterIsMarkedAndCannotBeAcceptedOrChangedAgain() {
    ClusterReview review = review();

    assertThat(review.mayAccept("c1")).isEqualTo(new ClusterReview.Applied());
    assertThat(review.accepted("c1", "refund-time")).isEqualTo(new ClusterReview.Applied());

    assertThat(cluster(review, "c1").acceptedAs()).isEqualTo("refund-time");
    ClusterReview.Refused again =
        refused(ClusterReview.Refusal.ALREADY_ACCEPTED, "c1", "refund-time");
    assertThat(review.mayAccept("c1")).isEqualTo(again);
    assertThat(review.accepted("c1", "other")).isEqualTo(again);
    assertThat(review.merge("c2", "c1")).isEqualTo(again);
    assertThat(review.split("c1", List.of(0))).isEqualTo(again);
    assertThat(review.discard("c1")).isEqualTo(again);
  }

  @Test
  void theProposedAnswerIsTheMostFrequentOneAmongTheClustersQuestions() {
    String refund = "Refunds reach your card within 5 working days.";
    List<String> answers =
        Arrays.asList(
            "About a week.",
            refund,
            "refunds reach your card  within 5 working days.",
            "Yes, we ship to Canada.",
            null,
            null,
            null,
            null,
            null);
    ClusterReview review = review(answers);

    assertThat(review.proposedAnswer(cluster(review, "c1")))
        .isEqualTo(new ClusterReview.ProposedAnswer(refund, 2, 3));
    assertThat(review.proposedAnswer(cluster(review, "c2")))
        .isEqualTo(new ClusterReview.ProposedAnswer("Yes, we ship to Canada.", 1, 1));
    assertThat(review.proposedAnswer(cluster(review, "c3"))).isNull();
  }

  @Test
  void aTieGoesToTheAnswerGivenFirst() {
    assertThat(ClusterReview.proposedAnswer(List.of(0, 1), List.of("B", "A")))
        .isEqualTo(new ClusterReview.ProposedAnswer("B", 1, 2));
  }
}
