package io.contactcenter.ivr.internal;

import io.contactcenter.ivr.internal.domain.CallerInput;
import io.contactcenter.ivr.internal.domain.IvrStep;
import io.contactcenter.ivr.internal.domain.Prompt;
import java.util.Map;

/**
 * How a flow's prompts and questions reach one caller: by Asterisk sounds and keys ({@link
 * KeysCallerChannel}) or by synthesized speech with keys and speech recognition at once ({@link
 * SpeechCallerChannel}). One per call, used by the call's thread.
 */
interface CallerChannel extends AutoCloseable {

  /** Says a prompt to the end. */
  void say(Prompt prompt, Map<String, Object> values, String language);

  /** Says the question (the caller may interrupt it) and returns the answer. */
  CallerInput ask(IvrStep.Ask ask, String language);

  /**
   * Releases live media (if any) so that channel operations (variables, transfer, hang-up) work
   * again. Idempotent.
   */
  @Override
  void close();
}
