package io.contactcenter.onlinechat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.internal.domain.ClusterReview;
import io.contactcenter.onlinechat.internal.domain.QuestionClusterer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A cold start from conversations end to end, without a server: the upload's customer turns are
 * clustered by words, the greeting stays apart, and the review proposes the agents' most frequent
 * answer; a refused review action becomes a problem naming the cluster.
 */
class ColdStartJobsTest {

  @Test
  void conversationsAreClusteredWithTheAgentsMostFrequentAnswerProposed() throws Exception {
    String jsonl;
    try (var in = getClass().getResourceAsStream("/kb/cold-start/conversations.jsonl")) {
      jsonl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    ConversationImport.Result upload = ConversationImport.read(jsonl, new ObjectMapper());
    ExecutorService executor = Executors.newSingleThreadExecutor();
    ColdStartJobs jobs =
        new ColdStartJobs(
            Map.of(
                ChatLanguage.EN,
                new QuestionClusterer(new JiebaTokenizer(), ColdStartJobs.WORDS_THRESHOLD, 2)),
            executor);

    ColdStartJobs.Job job = jobs.start(upload.texts(), upload.answers(), ChatLanguage.EN);
    executor.shutdown();
    assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    assertThat(job.state).isEqualTo(ColdStartJobs.State.DONE);
    assertThat(job.hasAnswers()).isTrue();
    ClusterReview review = job.review;
    ClusterReview.Cluster refunds =
        review.clusters().stream().filter(c -> c.rows().contains(1)).findFirst().orElseThrow();
    assertThat(refunds.rows()).contains(1, 2, 3);
    assertThat(review.proposedAnswer(refunds).text())
        .isEqualTo("Refunds reach your card within 5 working days.");
    assertThat(job.result.unclustered()).contains(0); // "hello"

    ClusterReview.Outcome self = review.merge(refunds.id(), refunds.id());
    ChatRefusedException problem = KnowledgeBaseController.refusal((ClusterReview.Refused) self);
    assertThat(problem.kind).isEqualTo(ChatRefusedException.Kind.CLUSTER_REVIEW);
    assertThat(problem.reason).isEqualTo("same-cluster");
    assertThat(problem.arguments).containsExactly(refunds.id());
    assertThat(
            KnowledgeBaseController.refusal((ClusterReview.Refused) review.rename("c99", "x")).kind)
        .isEqualTo(ChatRefusedException.Kind.CLUSTER_NOT_FOUND);
  }
}
