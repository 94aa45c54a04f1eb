package io.contactcenter.outboundrobot;

import io.contactcenter.common.PhoneNumber;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A test call from the prompt editor (ADR 0038): a script version, with prompt texts that may not
 * be saved yet, spoken to a number ops chose. It runs like any robot call but belongs to no
 * campaign: nobody counts it, and what the callee asks for (a callback, a person, the do-not-call
 * list, a ticket) is not done.
 *
 * @param scriptId the script, with {@code scriptVersion}: the version the texts are edits of
 * @param language the script language to speak ({@code null}: the script's default)
 * @param variables values for the script's variables (a campaign's); those missing get a sample
 *     value of their kind, so that a test does not need a contact
 * @param currency the ISO 4217 code of a sample amount ({@code null}: CNY)
 * @param promptTexts edited texts by prompt path, then language, e.g. {@code
 *     {"steps.ask_payment.say": {"en": "..."}}}; empty: the version's own
 * @param requestedBy the user who asked: one test call of theirs may be in flight at a time
 */
public record TestCallRequest(
    PhoneNumber phone,
    String scriptId,
    int scriptVersion,
    String language,
    Map<String, String> variables,
    String currency,
    Map<String, Map<String, String>> promptTexts,
    String requestedBy) {

  public TestCallRequest {
    Objects.requireNonNull(phone, "phone is required");
    Objects.requireNonNull(scriptId, "scriptId is required");
    Objects.requireNonNull(requestedBy, "requestedBy is required");
    variables = variables == null ? Map.of() : Map.copyOf(variables);
    Map<String, Map<String, String>> texts = new LinkedHashMap<>();
    if (promptTexts != null) {
      promptTexts.forEach(
          (path, byLanguage) -> {
            if (byLanguage != null && !byLanguage.isEmpty()) {
              texts.put(path, Map.copyOf(byLanguage));
            }
          });
    }
    promptTexts = Map.copyOf(texts);
  }
}
