package io.contactcenter.qa.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.spi.CallTranscripts;
import io.contactcenter.qa.Speaker;
import io.contactcenter.qa.TranscriptWord;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The chat's cold start reads QA's call transcripts through this ({@link CallTranscripts}, the
 * chat's extension point): consecutive words of the customer or the agent form one utterance, and a
 * pause longer than {@link #PAUSE_MS} starts a new one, so two questions asked apart stay apart.
 * Robot and bot prompts end an utterance but are not passed on (they are no agent's answer); a call
 * with no word of a known customer or agent (one mixed channel) is left out.
 */
final class QaCallTranscripts implements CallTranscripts {

  static final long PAUSE_MS = 1500;

  private static final TypeReference<List<TranscriptWord>> WORDS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  QaCallTranscripts(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Override
  public List<TranscribedCall> transcribedCalls(
      ChatLanguage language, Instant since, int maxCalls) {
    if (maxCalls < 1 || maxCalls > MAX_CALLS) {
      throw new IllegalArgumentException(
          "maxCalls must be 1 to " + MAX_CALLS + ", got " + maxCalls);
    }
    return jdbc
        .sql(
            """
            SELECT conversation_id, ended_at, words FROM qa_recording
            WHERE channel = 'CALL' AND state = 'DONE' AND language = ? AND ended_at >= ?
            ORDER BY ended_at DESC LIMIT ?
            """)
        .params(language.tag(), Timestamp.from(since), maxCalls)
        .query(
            (rs, n) ->
                call(
                    rs.getString("conversation_id"),
                    rs.getTimestamp("ended_at").toInstant(),
                    read(rs.getString("words")),
                    language))
        .list()
        .stream()
        .flatMap(Optional::stream)
        .toList();
  }

  /** The call's utterances, or empty when no word has a known customer or agent. */
  static Optional<TranscribedCall> call(
      String callId, Instant endedAt, List<TranscriptWord> words, ChatLanguage language) {
    String space = language == ChatLanguage.ZH ? "" : " ";
    List<Utterance> utterances = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    Speaker speaker = null;
    long lastEnd = Long.MIN_VALUE;
    for (TranscriptWord w : words) {
      String word = w.word() == null ? "" : w.word().strip();
      if (word.isEmpty()) {
        continue;
      }
      boolean pause = lastEnd != Long.MIN_VALUE && w.startMs() - lastEnd > PAUSE_MS;
      if (w.speaker() != speaker || pause) {
        flush(speaker, text, utterances);
        speaker = w.speaker();
      }
      if (!text.isEmpty()) {
        text.append(space);
      }
      text.append(word);
      lastEnd = w.endMs();
    }
    flush(speaker, text, utterances);
    return utterances.isEmpty()
        ? Optional.empty()
        : Optional.of(new TranscribedCall(callId, endedAt, utterances));
  }

  private static void flush(Speaker speaker, StringBuilder text, List<Utterance> out) {
    if (!text.isEmpty() && (speaker == Speaker.CUSTOMER || speaker == Speaker.AGENT)) {
      out.add(
          new Utterance(
              speaker == Speaker.CUSTOMER ? Party.CUSTOMER : Party.AGENT, text.toString()));
    }
    text.setLength(0);
  }

  private List<TranscriptWord> read(String words) {
    if (words == null) {
      return List.of();
    }
    try {
      return json.readValue(words, WORDS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored transcript not readable", e);
    }
  }
}
