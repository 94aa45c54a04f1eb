package io.contactcenter.onlinechat.spi;

import io.contactcenter.onlinechat.ChatLanguage;
import java.time.Instant;
import java.util.List;

/**
 * Transcripts of recorded, transcribed calls, as the knowledge-base cold start reads them: who said
 * what, in order. Implemented by the module that transcribes calls (QA); the chat module does not
 * depend on it. Thread-safe.
 */
public interface CallTranscripts {

  /** The most calls one request may read. */
  int MAX_CALLS = 10_000;

  /**
   * Transcribed calls in one language that ended at or after {@code since}, newest first. Calls
   * whose recording mixes both parties on one channel (no speaker known) are left out.
   *
   * @param maxCalls 1 to {@link #MAX_CALLS}
   */
  List<TranscribedCall> transcribedCalls(ChatLanguage language, Instant since, int maxCalls);

  /**
   * One call's transcript.
   *
   * @param callId the call's id in QA
   * @param utterances what each party said, in order; consecutive words of one party form one
   *     utterance, and a long pause starts a new one
   */
  record TranscribedCall(String callId, Instant endedAt, List<Utterance> utterances) {
    public TranscribedCall {
      utterances = List.copyOf(utterances);
    }
  }

  /**
   * @param party who said it
   * @param text the recognized words, joined as the language writes them (no spaces in Chinese)
   */
  record Utterance(Party party, String text) {}

  /** Who spoke. */
  enum Party {
    /** The caller (or callee): their utterances are the questions. */
    CUSTOMER,
    /** The contact center's agent: the reply that follows a question is its proposed answer. */
    AGENT
  }
}
