package io.contactcenter.ivr.internal.domain;

import java.util.List;
import java.util.Map;

/**
 * Something the IVR says.
 *
 * @param texts what is said, by language ({@code en}, {@code zh}); may hold placeholders such as
 *     {@code {order_number:digits}} (the syntax of the asr-tts {@code PromptTemplate})
 * @param sounds what a transport without speech synthesis plays instead: Asterisk sound names, or
 *     {@code digits:<variable>} to say a variable's value digit by digit
 */
public record Prompt(Map<String, String> texts, List<String> sounds) {

  public Prompt {
    texts = Map.copyOf(texts);
    sounds = List.copyOf(sounds);
  }

  /** The text in a language, falling back to English. */
  public String text(String language) {
    String text = texts.get(language);
    return text != null ? text : texts.getOrDefault("en", "");
  }
}
