package io.contactcenter.outboundrobot.internal.domain;

import io.contactcenter.outboundrobot.Turn;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the live call should do next, as decided by the {@link DialogueEngine}. {@link Say} and
 * {@link Listen} expect the engine to be told what happened; {@link Hangup}, {@link Transfer} and
 * {@link Done} end the dialogue and carry its result.
 */
public sealed interface Directive {

  /** Whether the dialogue has ended. */
  default boolean isFinal() {
    return this instanceof Hangup || this instanceof Transfer || this instanceof Done;
  }

  /**
   * Speak a prompt, then report {@link DialogueEngine#onPromptFinished()}.
   *
   * @param bargeIn whether to listen while speaking: if the callee speaks or presses a key, stop
   *     the prompt and report that instead; when false, play it to the end and do not listen
   */
  record Say(String text, boolean bargeIn) implements Directive {
    public Say {
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException("text is required");
      }
    }
  }

  /**
   * Listen for speech or a key, then report a reply, a key, or silence after the timeout.
   *
   * @param phrases words and phrases the recognizer should favour; may be empty
   * @param timeout how long to wait for the callee to start
   * @param dtmfKeys the keys that mean something here
   */
  record Listen(List<String> phrases, Duration timeout, SortedSet<Character> dtmfKeys)
      implements Directive {
    public Listen {
      phrases = List.copyOf(phrases);
      Objects.requireNonNull(timeout, "timeout is required");
      dtmfKeys = Collections.unmodifiableSortedSet(new TreeSet<>(dtmfKeys));
    }
  }

  /** Speak a last prompt without listening, then hang up. */
  record Hangup(String finalPrompt, DialogueResult result) implements Directive {
    public Hangup {
      if (finalPrompt == null || finalPrompt.isBlank()) {
        throw new IllegalArgumentException("finalPrompt is required");
      }
      Objects.requireNonNull(result, "result is required");
    }
  }

  /**
   * Speak a prompt without listening, then transfer the call to a human queue.
   *
   * @param transcript everything said so far, for the agent's screen
   */
  record Transfer(String queue, String prompt, List<Turn> transcript, DialogueResult result)
      implements Directive {
    public Transfer {
      if (queue == null || queue.isBlank()) {
        throw new IllegalArgumentException("queue is required");
      }
      Objects.requireNonNull(prompt, "prompt is required");
      transcript = List.copyOf(transcript);
      Objects.requireNonNull(result, "result is required");
    }
  }

  /** Nothing more to do on the call (the callee hung up, or a machine answered). */
  record Done(DialogueResult result) implements Directive {
    public Done {
      Objects.requireNonNull(result, "result is required");
    }
  }
}
