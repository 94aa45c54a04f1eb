package io.contactcenter.pbx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.common.PhoneNumber;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OriginateRequestTest {

  private static final PhoneNumber CALLEE = PhoneNumber.parse("+8613800138000");

  /** Test-data builder: every field valid unless a test overrides it. */
  private static final class Builder {
    String attemptId = "contact-42.r1_a";
    PhoneNumber destination = CALLEE;
    String trunk = "trunk-test";
    String callerId = "+4930123456";
    Duration timeout = Duration.ofSeconds(45);
    String context = "cc-robot";
    String extension = "s";
    Map<String, String> variables = Map.of("CC_CAMPAIGN", "spring-2025");

    OriginateRequest build() {
      return new OriginateRequest(
          attemptId, destination, trunk, callerId, timeout, context, extension, variables);
    }
  }

  private static Builder request() {
    return new Builder();
  }

  @Test
  void acceptsAValidRequestAndKeepsItsFields() {
    OriginateRequest r = request().build();

    assertThat(r.attemptId()).isEqualTo("contact-42.r1_a");
    assertThat(r.destination()).isEqualTo(CALLEE);
    assertThat(r.trunk()).isEqualTo("trunk-test");
    assertThat(r.callerId()).isEqualTo("+4930123456");
    assertThat(r.timeout()).isEqualTo(Duration.ofSeconds(45));
    assertThat(r.context()).isEqualTo("cc-robot");
    assertThat(r.extension()).isEqualTo("s");
    assertThat(r.variables()).containsExactly(Map.entry("CC_CAMPAIGN", "spring-2025"));
  }

  @Test
  void callerIdAndVariablesAreOptional() {
    Builder b = request();
    b.callerId = null;
    b.variables = null;

    OriginateRequest r = b.build();

    assertThat(r.callerId()).isNull();
    assertThat(r.variables()).isEmpty();
  }

  @Test
  void acceptsTheBoundaryTimeouts() {
    Builder oneSecond = request();
    oneSecond.timeout = Duration.ofSeconds(1);
    Builder threeMinutes = request();
    threeMinutes.timeout = Duration.ofMinutes(3);

    assertThat(oneSecond.build().timeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(threeMinutes.build().timeout()).isEqualTo(Duration.ofMinutes(3));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "with space", "line\nbreak", "semi;colon", "a,b", "x&y"})
  void rejectsAttemptIdsThatCouldBreakAnActionId(String attemptId) {
    Builder b = request();
    b.attemptId = attemptId;

    assertThatIllegalArgumentException().isThrownBy(b::build).withMessageContaining("attemptId");
  }

  @Test
  void rejectsAnAttemptIdLongerThan64Characters() {
    Builder b = request();
    b.attemptId = "a".repeat(65);

    assertThatIllegalArgumentException().isThrownBy(b::build).withMessageContaining("attemptId");
  }

  @Test
  void rejectsAMissingAttemptId() {
    Builder b = request();
    b.attemptId = null;

    assertThatIllegalArgumentException().isThrownBy(b::build).withMessageContaining("attemptId");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"trunk@evil", "trunk/other", "Trunk-Test", "trunk test", "-trunk", "", "trunk&x"})
  void rejectsTrunkNamesThatCouldChangeTheDialString(String trunk) {
    Builder b = request();
    b.trunk = trunk;

    assertThatIllegalArgumentException().isThrownBy(b::build).withMessageContaining("trunk");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Anonymous", "+49abc", "49 30", "++49", "", "\"Boss\" <123>"})
  void rejectsCallerIdsThatAreNotDigits(String callerId) {
    Builder b = request();
    b.callerId = callerId;

    assertThatIllegalArgumentException().isThrownBy(b::build).withMessageContaining("callerId");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT0S", "PT-1S", "PT3M0.001S", "PT10M"})
  void rejectsTimeoutsOutsideOneSecondToThreeMinutes(String iso) {
    Builder b = request();
    b.timeout = Duration.parse(iso);

    assertThatIllegalArgumentException().isThrownBy(b::build).withMessageContaining("timeout");
  }

  @ParameterizedTest
  @ValueSource(strings = {"robot,1", "cc robot", "CC-Robot", "ctx\nHangup", "s&Hangup", ""})
  void rejectsDialplanContextInjection(String context) {
    Builder b = request();
    b.context = context;

    assertThatIllegalArgumentException().isThrownBy(b::build).withMessageContaining("context");
  }

  @ParameterizedTest
  @ValueSource(strings = {"s&Hangup", "100,1", "s|2", "s\nAction: Logoff", "s 1", "${EXTEN}", ""})
  void rejectsDialplanExtensionInjection(String extension) {
    Builder b = request();
    b.extension = extension;

    assertThatIllegalArgumentException().isThrownBy(b::build).withMessageContaining("extension");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"cc_campaign", "Cc_Campaign", "_INHERIT", "__INHERIT", "1ST", "A-B", "A B"})
  void rejectsVariableNamesThatAreNotUpperCaseIdentifiers(String name) {
    Builder b = request();
    b.variables = Map.of(name, "ok");

    assertThatIllegalArgumentException()
        .isThrownBy(b::build)
        .withMessageContaining("variable name");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a,b",
        "a|b",
        "line\nbreak",
        "carriage\rreturn",
        "${SHELL(rm -rf /)}",
        "$[1+1]",
        "say \"hi\"",
        "it's",
        "semi;colon",
        "back\\slash"
      })
  void rejectsVariableValuesThatCouldEscapeTheAmiHeader(String value) {
    Builder b = request();
    b.variables = Map.of("CC_NOTE", value);

    assertThatIllegalArgumentException().isThrownBy(b::build).withMessageContaining("CC_NOTE");
  }

  @Test
  void rejectsAVariableValueLongerThan200Characters() {
    Builder b = request();
    b.variables = Map.of("CC_NOTE", "x".repeat(201));

    assertThatIllegalArgumentException().isThrownBy(b::build).withMessageContaining("CC_NOTE");
  }

  @Test
  void acceptsPlainVariableValuesIncludingSpacesAndEmpty() {
    Builder b = request();
    b.variables = Map.of("CC_NOTE", "call back after 5 pm", "CC_EMPTY", "");

    assertThat(b.build().variables())
        .containsEntry("CC_NOTE", "call back after 5 pm")
        .containsEntry("CC_EMPTY", "");
  }

  @Test
  void refusesTheAttemptIdVariableBecauseItIsSetFromAttemptId() {
    Builder b = request();
    b.variables = Map.of(OriginateRequest.ATTEMPT_ID_VARIABLE, "someone-else");

    assertThatIllegalArgumentException()
        .isThrownBy(b::build)
        .withMessageContaining("CC_ATTEMPT_ID");
  }

  @Test
  void rejectsAMissingDestinationTimeoutOrContext() {
    Builder noDestination = request();
    noDestination.destination = null;
    Builder noTimeout = request();
    noTimeout.timeout = null;
    Builder noContext = request();
    noContext.context = null;

    assertThatNullPointerException()
        .isThrownBy(noDestination::build)
        .withMessageContaining("destination");
    assertThatNullPointerException().isThrownBy(noTimeout::build).withMessageContaining("timeout");
    assertThatIllegalArgumentException()
        .isThrownBy(noContext::build)
        .withMessageContaining("context");
  }

  @Test
  void copiesTheVariablesSoLaterChangesToTheCallersMapDoNotLeakIn() {
    Map<String, String> original = new HashMap<>();
    original.put("CC_CAMPAIGN", "spring");
    Builder b = request();
    b.variables = original;
    OriginateRequest r = b.build();

    original.put("CC_CAMPAIGN", "changed");
    original.put("CC_SMUGGLED", "a,b");

    assertThat(r.variables()).containsExactly(Map.entry("CC_CAMPAIGN", "spring"));
  }

  @Test
  void exposesAnUnmodifiableVariablesMap() {
    OriginateRequest r = request().build();

    assertThatThrownBy(() -> r.variables().put("CC_X", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
