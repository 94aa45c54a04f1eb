package io.contactcenter.qa;

import java.time.Instant;
import java.util.List;

/**
 * Which share of each agent's conversations people review besides every auto-fail and complaint: a
 * default share ({@code cc.qa.sampling.share}) and, per agent, a share of their own (a new agent
 * checked more often, an experienced one less). The share applies when a conversation is first
 * scored. Thread-safe.
 */
public interface QaSampling {

  /** The share, 0 to 1, of agents without a share of their own. */
  double defaultShare();

  /** The agents with a share of their own, by agent. */
  List<AgentShare> agentShares();

  /**
   * Gives an agent a share of their own, or with {@code null} takes it away (the default applies).
   *
   * @param share 0 to 1
   * @param changedBy who changed it, kept with it
   * @throws IllegalArgumentException naming the bad agent or share
   */
  void setAgentShare(String agent, Double share, String changedBy);

  /** An agent's own share, 0 to 1, with who set it when. */
  record AgentShare(String agent, double share, String changedBy, Instant changedAt) {}
}
