package io.contactcenter.app.web;

import io.contactcenter.common.CampaignType;
import io.contactcenter.outboundrobot.DialogueScript;
import io.contactcenter.outboundrobot.DialogueScripts;
import io.contactcenter.outboundrobot.ScriptNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Robot dialogue scripts: the current one per campaign type, saved versions, save a new one, and a
 * version's prompts to edit into the next.
 */
@RestController
@Tag(name = "scripts", description = "Versioned robot dialogue scripts")
class ScriptsController {

  private final DialogueScripts scripts;

  ScriptsController(DialogueScripts scripts) {
    this.scripts = scripts;
  }

  /** What a script version is, without its steps. */
  record ScriptSummary(
      String scriptId,
      int version,
      String campaignType,
      String language,
      List<String> languages,
      List<String> variables,
      String savedBy,
      Instant savedAt) {

    static ScriptSummary of(DialogueScript s, String savedBy, Instant savedAt) {
      return new ScriptSummary(
          s.id(),
          s.version(),
          s.campaign().code(),
          s.language(),
          s.languages(),
          List.copyOf(s.variables().keySet()),
          savedBy,
          savedAt);
    }
  }

  @Operation(summary = "The script new calls use, per campaign type")
  @GetMapping("/api/v1/scripts")
  Map<String, ScriptSummary> current() {
    Map<String, ScriptSummary> current = new LinkedHashMap<>();
    for (CampaignType type :
        List.of(CampaignType.BALANCE, CampaignType.DELAY, CampaignType.REACTIVATE)) {
      current.put(type.code(), ScriptSummary.of(scripts.current(type), null, null));
    }
    return current;
  }

  @Operation(summary = "Every saved version, newest first (built-ins are version 1)")
  @GetMapping("/api/v1/scripts/versions")
  List<ScriptSummary> versions() {
    List<ScriptSummary> all = new ArrayList<>();
    for (DialogueScripts.SavedScript saved : scripts.versions()) {
      scripts
          .find(saved.scriptId(), saved.version())
          .ifPresent(s -> all.add(ScriptSummary.of(s, saved.savedBy(), saved.savedAt())));
    }
    return all;
  }

  @Operation(summary = "One version's source (YAML or JSON as saved; built-ins as shipped)")
  @GetMapping(value = "/api/v1/scripts/{scriptId}/versions/{version}", produces = "text/plain")
  String source(@PathVariable String scriptId, @PathVariable int version) {
    return scripts
        .source(scriptId, version)
        .orElseThrow(() -> new ScriptNotFoundException(scriptId, version));
  }

  /**
   * A version's prompts for an editor.
   *
   * @param variables every variable the script declares, with its kind (text, money, date, ...)
   */
  record ScriptPrompts(
      String scriptId,
      int version,
      String campaignType,
      String language,
      List<String> languages,
      Map<String, String> variables,
      List<PromptView> prompts) {}

  /**
   * One prompt.
   *
   * @param path where it is, as problems name it: {@code steps.ask_payment.say}
   * @param step the step that says it; null for the apology
   * @param kind {@code say} (said on entering the step), {@code reprompt} (said once after silence
   *     or a reply not understood) or {@code apology} (said instead of the dialogue when a variable
   *     has no value)
   * @param texts by language
   * @param variables those its texts may use
   */
  record PromptView(
      String path, String step, String kind, Map<String, String> texts, Set<String> variables) {

    static PromptView of(DialogueScript.PromptAt prompt) {
      String[] parts = prompt.path().split("\\.");
      String step = parts[0].equals("steps") ? parts[1] : null;
      return new PromptView(
          prompt.path(),
          step,
          step == null ? parts[0] : parts[parts.length - 1],
          prompt.prompt().texts(),
          prompt.variables());
    }
  }

  @Operation(summary = "A version's prompts: each step's texts by language and the variables")
  @GetMapping("/api/v1/scripts/{scriptId}/versions/{version}/prompts")
  ScriptPrompts prompts(@PathVariable String scriptId, @PathVariable int version) {
    DialogueScript script =
        scripts
            .find(scriptId, version)
            .orElseThrow(() -> new ScriptNotFoundException(scriptId, version));
    Map<String, String> variables = new LinkedHashMap<>();
    script.variables().forEach((name, kind) -> variables.put(name, kind.code()));
    return new ScriptPrompts(
        script.id(),
        script.version(),
        script.campaign().code(),
        script.language(),
        script.languages(),
        variables,
        script.prompts().stream().map(PromptView::of).toList());
  }

  /**
   * New prompt texts.
   *
   * @param texts by prompt path, then language, e.g. {@code {"steps.ask_payment.say": {"en":
   *     "..."}}}; only the texts that change
   */
  record PromptChanges(Map<String, Map<String, String>> texts) {}

  @Operation(
      summary =
          "Save the next version with some prompt texts changed (the rest of the source as it"
              + " was); 422 lists every problem with its path")
  @PostMapping("/api/v1/scripts/{scriptId}/versions/{version}/prompts")
  @ResponseStatus(HttpStatus.CREATED)
  ScriptSummary revisePrompts(
      @PathVariable String scriptId,
      @PathVariable int version,
      @RequestBody PromptChanges changes,
      Authentication user) {
    DialogueScript saved =
        scripts.revisePrompts(
            scriptId, version, changes == null ? null : changes.texts(), user.getName());
    return ScriptSummary.of(saved, user.getName(), Instant.now());
  }

  @Operation(summary = "Save a script (YAML or JSON) as the next version; 422 lists every problem")
  @PostMapping(
      value = "/api/v1/scripts",
      consumes = {"text/plain", "application/yaml", "application/x-yaml", "text/yaml"})
  @ResponseStatus(HttpStatus.CREATED)
  ScriptSummary save(@RequestBody String source, Authentication user) {
    DialogueScript saved = scripts.save(source, user.getName());
    return ScriptSummary.of(saved, user.getName(), Instant.now());
  }
}
