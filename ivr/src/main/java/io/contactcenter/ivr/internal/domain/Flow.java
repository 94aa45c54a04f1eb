package io.contactcenter.ivr.internal.domain;

import io.contactcenter.common.OpeningHours;
import java.util.Map;
import java.util.Set;

/**
 * A hotline flow as data.
 *
 * @param id the flow's id, such as {@code hotline}
 * @param version its version (1 for a built-in)
 * @param language the language callers hear unless chosen otherwise, {@code zh} or {@code en}
 * @param start the first node
 * @param variables variables the flow's prompts may use besides those its nodes set
 * @param agentPhrases what a caller may say at any menu to reach a human, by language
 * @param nodes every node by id, in the order written
 * @param hours when the hotline is open; null if always (then the flow has no hours node)
 * @param repeatCaller the node a caller who called within the repeat window goes to instead of the
 *     first menu (an agent node); null to treat repeat callers like anyone else
 */
public record Flow(
    String id,
    int version,
    String language,
    String start,
    Set<String> variables,
    Map<String, java.util.List<String>> agentPhrases,
    Map<String, Node> nodes,
    OpeningHours hours,
    String repeatCaller) {

  /** The variables an order-status node sets once the order is found. */
  public static final Set<String> ORDER_VARIABLES =
      Set.of("order_number", "order_status", "eta", "carrier", "tracking_number");

  public Flow {
    variables = Set.copyOf(variables);
    agentPhrases = Map.copyOf(agentPhrases);
    nodes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nodes));
  }

  public Node node(String nodeId) {
    Node node = nodes.get(nodeId);
    if (node == null) {
      throw new IllegalArgumentException("flow " + id + " has no node " + nodeId);
    }
    return node;
  }

  public Flow withVersion(int newVersion) {
    return new Flow(
        id, newVersion, language, start, variables, agentPhrases, nodes, hours, repeatCaller);
  }
}
