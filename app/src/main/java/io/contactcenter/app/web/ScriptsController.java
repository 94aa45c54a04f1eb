package io.contactcenter.app.web;

import io.contactcenter.asrtts.CampaignContext;
import io.contactcenter.outboundrobot.DialogueScript;
import io.contactcenter.outboundrobot.DialogueScripts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Robot dialogue scripts: the current one per campaign type, saved versions, save a new one. */
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
    Map<String, ScriptSummary> current = new java.util.LinkedHashMap<>();
    for (CampaignContext type :
        List.of(CampaignContext.BALANCE, CampaignContext.DELAY, CampaignContext.REACTIVATE)) {
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
    return scripts.versions().stream()
        .filter(s -> s.scriptId().equals(scriptId) && s.version() == version)
        .map(DialogueScripts.SavedScript::source)
        .findFirst()
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "no saved script " + scriptId + " v" + version));
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
