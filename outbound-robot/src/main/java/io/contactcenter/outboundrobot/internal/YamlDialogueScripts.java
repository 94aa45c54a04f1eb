package io.contactcenter.outboundrobot.internal;

import io.contactcenter.common.CampaignType;
import io.contactcenter.outboundrobot.DialogueScript;
import io.contactcenter.outboundrobot.ScriptProblem;
import io.contactcenter.outboundrobot.ScriptRejectedException;
import io.contactcenter.outboundrobot.internal.domain.ScriptValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dialogue scripts in YAML or JSON, with the built-in scripts for each campaign type read from the
 * classpath ({@code scripts/*.yaml}) once, when constructed. Thread-safe.
 */
public final class YamlDialogueScripts {

  private static final Map<CampaignType, String> BUILT_INS =
      Map.of(
          CampaignType.BALANCE, "scripts/balance-reminder.yaml",
          CampaignType.DELAY, "scripts/delivery-delay.yaml",
          CampaignType.REACTIVATE, "scripts/reactivation.yaml");

  private final Map<CampaignType, DialogueScript> builtIns = new EnumMap<>(CampaignType.class);
  private final Map<String, String> builtInSources = new HashMap<>();

  /**
   * Reads the built-in scripts.
   *
   * @throws ScriptRejectedException if one of them is wrong: a build that ships a broken script
   *     must not start
   */
  public YamlDialogueScripts() {
    BUILT_INS.forEach(
        (campaign, resource) -> {
          String source = load(resource);
          DialogueScript script = read(resource, source);
          if (script.campaign() != campaign) {
            throw new IllegalStateException(
                resource
                    + " is for campaign "
                    + script.campaign().code()
                    + ", not "
                    + campaign.code());
          }
          builtIns.put(campaign, script);
          builtInSources.put(script.id(), source);
        });
  }

  public DialogueScript read(String name, String source) {
    if (source == null || source.isBlank()) {
      throw new ScriptRejectedException(
          name, List.of(ScriptProblem.of("(root)", "empty", "the script is empty")));
    }
    ScriptReader reader = new ScriptReader();
    Optional<DialogueScript> script = reader.read(source);
    if (script.isEmpty()) {
      throw new ScriptRejectedException(name, reader.problems());
    }
    List<ScriptProblem> problems = ScriptValidator.problems(script.get());
    if (!problems.isEmpty()) {
      throw new ScriptRejectedException(name, problems);
    }
    return script.get();
  }

  public DialogueScript builtIn(CampaignType campaign) {
    DialogueScript script = builtIns.get(campaign);
    if (script == null) {
      throw new IllegalArgumentException(
          "there is no built-in script for campaign " + campaign.code());
    }
    return script;
  }

  public List<DialogueScript> builtIns() {
    return List.copyOf(builtIns.values());
  }

  /** A built-in script's source as shipped, if the id and version are a built-in's. */
  public Optional<String> builtInSource(String scriptId, int version) {
    return builtIns.values().stream()
        .filter(s -> s.id().equals(scriptId) && s.version() == version)
        .findFirst()
        .map(s -> builtInSources.get(s.id()));
  }

  private static String load(String resource) {
    try (InputStream in =
        YamlDialogueScripts.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("built-in script " + resource + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read built-in script " + resource, e);
    }
  }
}
