package io.contactcenter.routing;

/**
 * Whom an agent consults about their call (attended transfer, ADR 0044): one agent by login id, or
 * the free agent of a queue that routing picks.
 */
public record ConsultTarget(String agent, String queue) {

  /**
   * @throws IllegalArgumentException unless exactly one of agent and queue is given, 1-100
   *     characters
   */
  public ConsultTarget {
    agent = agent == null || agent.isBlank() ? null : agent.trim();
    queue = queue == null || queue.isBlank() ? null : queue.trim();
    if ((agent == null) == (queue == null)) {
      throw new IllegalArgumentException("consult either an agent or a queue, exactly one of them");
    }
    String given = agent != null ? agent : queue;
    if (given.length() > 100) {
      throw new IllegalArgumentException("an agent or queue id has 1-100 characters");
    }
  }

  public static ConsultTarget agent(String agent) {
    return new ConsultTarget(agent, null);
  }

  public static ConsultTarget queue(String queue) {
    return new ConsultTarget(null, queue);
  }
}
