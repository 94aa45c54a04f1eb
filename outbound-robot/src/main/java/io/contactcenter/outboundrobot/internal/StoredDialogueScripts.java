package io.contactcenter.outboundrobot.internal;

import io.contactcenter.asrtts.SpeechSynthesizer;
import io.contactcenter.common.CampaignType;
import io.contactcenter.outboundrobot.DialogueScript;
import io.contactcenter.outboundrobot.DialogueScripts;
import io.contactcenter.outboundrobot.ScriptNotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Versioned dialogue scripts: the built-ins from the jar (version 1 of their ids) plus every
 * version ops saved, in table {@code robot_script}. Reading and checking is {@link
 * YamlDialogueScripts}'; a saved version is immutable. Thread-safe.
 */
final class StoredDialogueScripts implements DialogueScripts {

  private static final Logger log = LoggerFactory.getLogger(StoredDialogueScripts.class);

  private final YamlDialogueScripts yaml;
  private final JdbcClient jdbc;
  private final SpeechSynthesizer tts;
  private final Clock clock;

  StoredDialogueScripts(
      YamlDialogueScripts yaml, JdbcClient jdbc, SpeechSynthesizer tts, Clock clock) {
    this.yaml = yaml;
    this.jdbc = jdbc;
    this.tts = tts;
    this.clock = clock;
  }

  @Override
  public DialogueScript read(String name, String source) {
    return yaml.read(name, source);
  }

  @Override
  public DialogueScript builtIn(CampaignType campaign) {
    return yaml.builtIn(campaign);
  }

  @Override
  public List<DialogueScript> builtIns() {
    return yaml.builtIns();
  }

  @Override
  public DialogueScript save(String source, String savedBy) {
    DialogueScript checked = yaml.read("(upload)", source);
    // Two ops saving at once: the primary key lets one win each version; the other takes the next.
    for (int tries = 0; ; tries++) {
      int version = nextVersion(checked.id());
      try {
        jdbc.sql(
                "INSERT INTO robot_script (script_id, version, context, source, saved_by, saved_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")
            .params(
                checked.id(),
                version,
                checked.campaign().code(),
                source,
                savedBy == null ? "system" : savedBy,
                Timestamp.from(clock.instant()))
            .update();
        DialogueScript saved = checked.withVersion(version);
        prerender(saved);
        log.info("script {} v{} saved by {}", saved.id(), version, savedBy);
        return saved;
      } catch (DuplicateKeyException e) {
        if (tries >= 3) {
          throw e;
        }
      }
    }
  }

  @Override
  public DialogueScript revisePrompts(
      String scriptId, int version, Map<String, Map<String, String>> texts, String savedBy) {
    if (texts == null || texts.isEmpty()) {
      throw new IllegalArgumentException("no prompt text to change");
    }
    String original =
        source(scriptId, version).orElseThrow(() -> new ScriptNotFoundException(scriptId, version));
    String name = scriptId + " v" + version + " with new prompts";
    String edited = YamlPromptEditor.withTexts(name, original, texts);
    // Both sources carry the same version field, so equal hashes mean equal scripts.
    if (yaml.read(name, edited).contentHash().equals(yaml.read(name, original).contentHash())) {
      throw new IllegalArgumentException(
          "the texts are those of " + scriptId + " v" + version + ": nothing to save");
    }
    return save(edited, savedBy);
  }

  @Override
  public DialogueScript withPromptTexts(
      String scriptId, int version, Map<String, Map<String, String>> texts) {
    if (texts == null || texts.isEmpty()) {
      return find(scriptId, version)
          .orElseThrow(() -> new ScriptNotFoundException(scriptId, version));
    }
    String original =
        source(scriptId, version).orElseThrow(() -> new ScriptNotFoundException(scriptId, version));
    String name = scriptId + " v" + version + " with new prompts";
    return yaml.read(name, YamlPromptEditor.withTexts(name, original, texts)).withVersion(version);
  }

  @Override
  public Optional<String> source(String scriptId, int version) {
    Optional<String> builtIn = yaml.builtInSource(scriptId, version);
    if (builtIn.isPresent()) {
      return builtIn;
    }
    return jdbc.sql("SELECT source FROM robot_script WHERE script_id = ? AND version = ?")
        .params(scriptId, version)
        .query(String.class)
        .optional();
  }

  private int nextVersion(String scriptId) {
    int stored =
        jdbc.sql("SELECT coalesce(max(version), 0) FROM robot_script WHERE script_id = ?")
            .param(scriptId)
            .query(Integer.class)
            .single();
    int builtIn =
        yaml.builtIns().stream()
            .filter(s -> s.id().equals(scriptId))
            .mapToInt(DialogueScript::version)
            .max()
            .orElse(0);
    return Math.max(stored, builtIn) + 1;
  }

  /**
   * Synthesizes the prompts that need no variable (disclosure, re-prompts, goodbyes) in the
   * background: the first call after a save then finds them in the cache.
   */
  private void prerender(DialogueScript script) {
    List<String> prompts = RobotCallHandler.prompts(script, script.language(), Map.of());
    Thread.ofVirtual()
        .name("script-prerender")
        .start(
            () -> {
              try {
                tts.prerender(prompts);
              } catch (RuntimeException e) {
                // Only an optimisation: calls synthesize what is not cached.
                log.warn("prerendering script {} failed: {}", script.id(), e.toString());
              }
            });
  }

  @Override
  public Optional<DialogueScript> find(String scriptId, int version) {
    Optional<DialogueScript> builtIn =
        yaml.builtIns().stream()
            .filter(s -> s.id().equals(scriptId) && s.version() == version)
            .findFirst();
    if (builtIn.isPresent()) {
      return builtIn;
    }
    return source(scriptId, version)
        .map(source -> yaml.read(scriptId + " v" + version, source).withVersion(version));
  }

  @Override
  public DialogueScript current(CampaignType campaign) {
    return jdbc.sql(
            "SELECT script_id, version, source FROM robot_script WHERE context = ?"
                + " ORDER BY saved_at DESC, version DESC LIMIT 1")
        .param(campaign.code())
        .query(
            (rs, n) ->
                yaml.read(rs.getString(1) + " v" + rs.getInt(2), rs.getString(3))
                    .withVersion(rs.getInt(2)))
        .optional()
        .orElseGet(() -> yaml.builtIn(campaign));
  }

  @Override
  public List<SavedScript> versions() {
    return jdbc.sql(
            "SELECT script_id, version, context, source, saved_by, saved_at FROM robot_script"
                + " ORDER BY saved_at DESC, script_id, version DESC")
        .query(
            (rs, n) ->
                new SavedScript(
                    rs.getString(1),
                    rs.getInt(2),
                    CampaignType.fromCode(rs.getString(3)),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getTimestamp(6).toInstant()))
        .list();
  }
}
