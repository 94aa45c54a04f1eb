package io.contactcenter.ivr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.ivr.FlowProblem;
import io.contactcenter.ivr.FlowRejectedException;
import io.contactcenter.ivr.internal.domain.Flow;
import io.contactcenter.ivr.internal.domain.Node;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowReaderTest {

  private final FlowReader reader = new FlowReader();

  static String resource(String path) {
    try (InputStream in = FlowReaderTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theBuiltInHotlineIsValidWithOrderStatusDeliveryAndAgent() {
    Flow flow = reader.read(resource("/ivr/hotline.yaml"));

    assertThat(flow.id()).isEqualTo("hotline");
    Node.Menu main = (Node.Menu) flow.node("main");
    assertThat(main.choices())
        .extracting(Node.Choice::key, Node.Choice::intent)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple('1', "order_status"),
            org.assertj.core.groups.Tuple.tuple('2', "delivery_time"));
    assertThat(flow.node(main.toAgent())).isInstanceOf(Node.Agent.class);
    assertThat(main.prompt().texts()).containsKeys("en", "zh");
  }

  @Test
  void everyProblemIsReportedWithItsPlace() {
    List<FlowProblem> problems = reader.problems(resource("/flows/broken.yaml"));

    assertThat(problems)
        .extracting(FlowProblem::toString)
        .contains(
            "nodes.main.no-match: missing",
            "nodes.main.prompt.zh: missing: the zh text",
            "nodes.main.prompt.en: variable 'order_status' is not defined here",
            "nodes.main.choices.1: unknown node 'nowhere'",
            "nodes.main.choices.0.key: must be one of 1-9, * or # (0 is the agent key)",
            "nodes.orphan: unreachable: no exit leads here from main");
  }

  @Test
  void aSyntaxErrorNamesLineAndColumn() {
    List<FlowProblem> problems = reader.problems("id: x\nstart: [a\nnodes: {}\n");

    assertThat(problems).hasSize(1);
    FlowProblem problem = problems.get(0);
    assertThat(problem.path()).isEqualTo("line 3, column 6");
    assertThat(problem.code()).isEqualTo("syntax");
    // Line and column for the translated sentence, the parser's English only as the hint.
    assertThat(problem.arguments()).startsWith("3", "6").hasSize(3);
    assertThat(problem.message())
        .isEqualTo("YAML syntax error (" + problem.arguments().get(2) + ")");
  }

  @Test
  void jsonIsReadToo() {
    String json =
        """
        {"id": "tiny", "start": "bye", "nodes": {"bye": {"type": "hangup",
          "prompt": {"en": "Bye", "zh": "再见", "sounds": ["goodbye"]}}}}
        """;

    assertThat(reader.read(json).nodes()).containsOnlyKeys("bye");
  }

  @Test
  void anOrderNodeMayUseOrderVariablesOnlyOnceTheyAreKnown() {
    String yaml =
        resource("/ivr/hotline.yaml")
            .replace("Please key your order number, then the hash key.", "Order {eta}?");

    assertThatThrownBy(() -> reader.read(yaml))
        .isInstanceOf(FlowRejectedException.class)
        .hasMessageContaining("nodes.order_status.ask.en: variable 'eta' is not defined here");
  }

  @Test
  void aFlowWrittenBeforeTheKeysOnlyReadBackGetsTheDefaultOne() {
    String old =
        resource("/ivr/hotline.yaml").replaceAll("(?m)^    confirm-keys:\n(^      .*\n){3}", "");
    assertThat(old).doesNotContain("confirm-keys:");

    Node.OrderStatus order = (Node.OrderStatus) reader.read(old).node("order_status");

    assertThat(order.confirmKeys()).isEqualTo(Node.OrderStatus.DEFAULT_CONFIRM_KEYS);
    assertThat(
            ((Node.OrderStatus) reader.read(resource("/ivr/hotline.yaml")).node("order_status"))
                .confirmKeys()
                .text("en"))
        .contains("press 1");
  }

  @Test
  void aBadKeysOnlyReadBackIsNamed() {
    String hotline = resource("/ivr/hotline.yaml");
    String noChinese =
        hotline.replace("      zh: \"订单号{order_number:digits}：正确请按1，重新输入请按2。\"\n", "");
    String notAMapping =
        hotline.replace("    confirm-keys:\n", "    confirm-keys: press 1\n    x:\n");
    String unknownVariable =
        hotline.replace("Order number {order_number:digits}: if", "Order {tracking_number}: if");

    assertThat(reader.problems(noChinese))
        .extracting(FlowProblem::toString)
        .containsExactly(
            "nodes.order_status.confirm-keys.zh: missing: the zh text",
            "nodes.delivery_time.confirm-keys.zh: missing: the zh text");
    assertThat(reader.problems(notAMapping))
        .extracting(FlowProblem::toString)
        .contains("nodes.order_status.confirm-keys: must be a mapping");
    assertThat(reader.problems(unknownVariable))
        .extracting(FlowProblem::toString)
        .containsExactly(
            "nodes.order_status.confirm-keys.en: variable 'tracking_number' is not defined here",
            "nodes.delivery_time.confirm-keys.en: variable 'tracking_number' is not defined here");
  }

  @Test
  void anEmptyOrUnknownTypeIsNamed() {
    assertThat(reader.problems(""))
        .extracting(FlowProblem::message)
        .containsExactly("the flow is empty");
    assertThat(reader.problems("id: x\nstart: a\nnodes:\n  a:\n    type: dance\n"))
        .extracting(FlowProblem::toString)
        .contains(
            "nodes.a.type: unknown type 'dance'; use menu, say, order-status, hours, leave-number, agent or hangup");
  }
}
