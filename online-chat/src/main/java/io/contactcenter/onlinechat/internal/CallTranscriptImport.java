package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.spi.CallTranscripts;
import java.util.ArrayList;
import java.util.List;

/**
 * Recorded calls for the cold start, as QA transcribed them: each customer utterance is a question
 * and its answer is the agent's first utterance after it (a customer who says two things before the
 * agent replies gets the reply for both), as with uploaded conversations ({@link
 * ConversationImport}). Utterances shorter than {@link #MIN_CHARS} characters ("嗯", "ok" cut short)
 * carry no question and are left out; greetings and thanks stay, and the clusterer groups them
 * apart.
 */
final class CallTranscriptImport {

  static final int MIN_CHARS = 2;

  /**
   * @param texts the questions, by row
   * @param answers per row the agent's answer, or null
   * @param callIds per row the call it was said in
   * @param calls calls that gave at least one question
   */
  record Result(List<String> texts, List<String> answers, List<String> callIds, int calls) {}

  private CallTranscriptImport() {}

  static Result read(List<CallTranscripts.TranscribedCall> calls) {
    List<String> texts = new ArrayList<>();
    List<String> answers = new ArrayList<>();
    List<String> callIds = new ArrayList<>();
    int used = 0;
    for (CallTranscripts.TranscribedCall call : calls) {
      List<Integer> waiting = new ArrayList<>();
      int questions = 0;
      for (CallTranscripts.Utterance u : call.utterances()) {
        String text = u.text() == null ? "" : u.text().strip();
        if (text.codePointCount(0, text.length()) < MIN_CHARS) {
          continue;
        }
        if (u.party() == CallTranscripts.Party.CUSTOMER) {
          waiting.add(texts.size());
          texts.add(text);
          answers.add(null);
          callIds.add(call.callId());
          questions++;
        } else {
          for (int row : waiting) {
            answers.set(row, text);
          }
          waiting.clear();
        }
      }
      used += questions > 0 ? 1 : 0;
    }
    return new Result(texts, answers, callIds, used);
  }
}
