package io.contactcenter.qa.internal;

import io.contactcenter.onlinechat.ChatEnded;
import io.contactcenter.qa.Speaker;
import io.contactcenter.qa.TranscriptWord;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Turns every ended chat the visitor wrote in into a QA conversation: its messages are the
 * transcript (each with its speaker and its time from the chat's start) and it is scored at once
 * with the same rules as calls. Runs in a transaction of its own after the chat's commits; the
 * event publication registry delivers again until this succeeds, and storing a chat twice changes
 * nothing, so it is scored once.
 */
class ChatIntake {

  private static final Logger log = LoggerFactory.getLogger(ChatIntake.class);

  private final JdbcTranscriptionQueue queue;
  private final ConversationScoring scoring;
  private final Clock clock;

  ChatIntake(JdbcTranscriptionQueue queue, ConversationScoring scoring, Clock clock) {
    this.queue = queue;
    this.scoring = scoring;
    this.clock = clock;
  }

  @ApplicationModuleListener
  public void on(ChatEnded ended) {
    List<TranscriptWord> words = words(ended);
    if (words.stream().noneMatch(w -> w.speaker() == Speaker.CUSTOMER)) {
      return; // opened and closed without a question: nothing to check
    }
    MDC.put("chatId", ended.conversationId());
    try {
      long durationMs = Math.max(0, Duration.between(ended.startedAt(), ended.at()).toMillis());
      if (queue.insertChat(
          ended.conversationId(),
          ended.language().tag(),
          ended.agentId(),
          ended.at(),
          words,
          durationMs,
          clock.instant())) {
        scoring.score(ended.conversationId());
        log.info("chat scored ({} messages)", words.size());
      }
    } finally {
      MDC.remove("chatId");
    }
  }

  /**
   * The chat's messages as transcript entries, by time from its start: the visitor is the customer;
   * the chat's own notices (handoff, agent joined) are left out, nobody wrote them.
   */
  static List<TranscriptWord> words(ChatEnded ended) {
    List<TranscriptWord> words = new ArrayList<>();
    for (ChatEnded.Message m : ended.messages()) {
      Speaker speaker =
          switch (m.sender()) {
            case VISITOR -> Speaker.CUSTOMER;
            case AGENT -> Speaker.AGENT;
            case BOT -> Speaker.BOT;
            case SYSTEM -> null;
          };
      if (speaker == null || m.text() == null || m.text().isBlank()) {
        continue;
      }
      long at = Math.max(0, Duration.between(ended.startedAt(), m.at()).toMillis());
      words.add(new TranscriptWord(m.text(), at, at, 1.0, speaker));
    }
    return words;
  }
}
