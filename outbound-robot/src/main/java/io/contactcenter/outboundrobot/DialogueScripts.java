package io.contactcenter.outboundrobot;

import io.contactcenter.common.CampaignType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads, checks and supplies dialogue scripts. Thread-safe.
 *
 * <p>A script is checked when it is read, so a wrong one is rejected when it is saved rather than
 * in the middle of a call: an unknown variable, intent label, step or outcome, a step no call can
 * reach, a loop with no way out, or an opening that is not a non-interruptible disclosure naming
 * the merchant.
 */
public interface DialogueScripts {

  /**
   * Reads and checks a script written in YAML or JSON.
   *
   * @param name what to call the source in messages, e.g. a file name
   * @throws ScriptRejectedException listing every problem with its path, e.g. {@code
   *     steps.ask_payment.on.agree.goto: unknown step 'confirm'}
   */
  DialogueScript read(String name, String source);

  /** The built-in script for a campaign type; {@link CampaignType#ANY} has none. */
  DialogueScript builtIn(CampaignType campaign);

  /** Every built-in script, one per campaign type. */
  List<DialogueScript> builtIns();

  /**
   * Checks a script and stores it as the next version of its id (the {@code version} written in the
   * source is ignored); its prompts without variables are synthesized ahead, so the first call does
   * not wait for the voice. Calls already placed keep the version they were placed with.
   *
   * @throws ScriptRejectedException listing every problem with its path; nothing is stored
   */
  DialogueScript save(String source, String savedBy);

  /**
   * Saves the next version of a script with some prompt texts replaced, and everything else as the
   * base version's source has it (comments, layout, the other texts). The result is checked like
   * any save; a text is stored stripped of leading and trailing white space.
   *
   * @param scriptId the script
   * @param version the version the texts replace texts of
   * @param texts the new texts: by prompt path (as in {@link DialogueScript#prompts()}), then by
   *     language; each must replace a text the prompt has
   * @throws ScriptNotFoundException if there is no such version
   * @throws ScriptRejectedException listing every problem with its path (an unknown prompt or
   *     language, {@code steps.ask_payment.say.en: unknown variable '${foo}'...}); nothing is
   *     stored
   * @throws IllegalArgumentException if no text is given or none differs from the base version's
   */
  DialogueScript revisePrompts(
      String scriptId, int version, Map<String, Map<String, String>> texts, String savedBy);

  /**
   * A version with some prompt texts replaced, checked as {@link #revisePrompts} checks them but
   * not stored: what a test call speaks before the texts are saved. It keeps the base version's id
   * and version.
   *
   * @param texts by prompt path, then language; empty or null: the version as it is
   * @throws ScriptNotFoundException if there is no such version
   * @throws ScriptRejectedException listing every problem with its path
   */
  DialogueScript withPromptTexts(
      String scriptId, int version, Map<String, Map<String, String>> texts);

  /** The source of a version as saved (YAML or JSON); a built-in's as shipped. */
  Optional<String> source(String scriptId, int version);

  /** A version of a script, saved or built-in. */
  Optional<DialogueScript> find(String scriptId, int version);

  /** The script new calls of a campaign type use: its newest saved version, else the built-in. */
  DialogueScript current(CampaignType campaign);

  /** Every version of every script, newest first, with who saved it and when. */
  List<SavedScript> versions();

  /** A stored script version and its source text. */
  record SavedScript(
      String scriptId,
      int version,
      CampaignType campaign,
      String source,
      String savedBy,
      java.time.Instant savedAt) {}
}
