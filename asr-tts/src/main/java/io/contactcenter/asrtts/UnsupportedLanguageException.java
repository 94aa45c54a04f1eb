package io.contactcenter.asrtts;

import java.util.Set;
import java.util.TreeSet;

/** Speech was asked for in a language that has no model configured. */
public class UnsupportedLanguageException extends IllegalArgumentException {

  private final String language;
  private final Set<String> supported;

  public UnsupportedLanguageException(String language, Set<String> supported) {
    super(
        "no speech model for language '"
            + language
            + "'; configured: "
            + String.join(", ", new TreeSet<>(supported))
            + " (add one with cc.asrtts.speech.models."
            + language
            + ".path)");
    this.language = language;
    this.supported = Set.copyOf(supported);
  }

  public String language() {
    return language;
  }

  public Set<String> supported() {
    return supported;
  }
}
