package io.contactcenter.ivr;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Versioned hotline IVR flows, written in YAML or JSON. Thread-safe.
 *
 * <p>The built-in flow {@code hotline} ships in the jar as version 1; every save stores the next
 * version of the flow's id, and calls run the version that is active (the built-in until another
 * version is activated). A flow is checked on save: every menu has no-input, no-match and to-agent
 * exits, every exit names a node, every node is reachable, every prompt has both {@code en} and
 * {@code zh} and uses only defined variables.
 */
public interface IvrFlows {

  /** Every version of every flow (built-ins included), newest first. */
  List<FlowVersion> versions();

  /** The source of a version as saved (a built-in's as shipped). */
  Optional<String> source(String flowId, int version);

  /** Checks a flow without saving it; empty when it is valid. */
  List<FlowProblem> validate(String source);

  /**
   * Checks a flow and stores it as the next version of its id; it is not active until {@link
   * #activate}d.
   *
   * @throws FlowRejectedException listing every problem with its path; nothing is stored
   */
  FlowVersion save(String source, String savedBy);

  /**
   * Makes a version the one new calls of its flow run.
   *
   * @throws FlowNotFoundException if there is no such version
   */
  FlowVersion activate(String flowId, int version, String activatedBy);

  /**
   * Every prompt of a version with its texts side by side, in the order of the nodes.
   *
   * @throws FlowNotFoundException if there is no such version
   */
  List<FlowPrompt> prompts(String flowId, int version);

  /**
   * One prompt of a flow.
   *
   * @param path where it is, as problems name it: {@code nodes.main.prompt}
   * @param en the English text
   * @param zh the Chinese text
   * @param sounds what the key-only transport plays
   */
  record FlowPrompt(String path, String en, String zh, List<String> sounds) {}

  /**
   * One version of a flow.
   *
   * @param savedBy null for a built-in
   * @param savedAt null for a built-in
   */
  record FlowVersion(String flowId, int version, boolean active, String savedBy, Instant savedAt) {}
}
