package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactcenter.ivr.HotlineDigitsEntered;
import io.contactcenter.pbx.CallDetailRecord;
import io.contactcenter.pbx.CallDetailRecords;
import io.contactcenter.testinfra.CapturedEvents;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.Sipp;
import io.contactcenter.testinfra.TestInfrastructure;
import io.contactcenter.testinfra.TopicWatch;
import io.contactcenter.testinfra.WithSharedAsterisk;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The proof of the platform, end to end: SIPp dials the hotline on a real Asterisk, Asterisk hands
 * the call to the application over FastAGI, the IVR answers, plays its prompts and collects the RFC
 * 2833 digits SIPp sends, then hangs up; the AMI events become a call detail record in PostgreSQL
 * and a CallEnded record on Kafka.
 */
@ContactCenterIT
@WithSharedAsterisk
class HotlineCallIT {

  static final LocalAsterisk asterisk = TestInfrastructure.asterisk();

  @Autowired CapturedEvents events;
  @Autowired CallDetailRecords records;

  @Test
  void callerKeysAnOrderNumberAndTheCallIsRecordedInPostgresAndKafka() throws Exception {
    try (TopicWatch kafka = TopicWatch.of("cc.calls.ended.v1")) {

      Sipp.Result call =
          Sipp.scenario("customer-dtmf.xml")
              .key("digits", "0")
              .callAsterisk(asterisk.ports().sip());

      assertThat(call.succeeded()).as("SIPp call failed:%n%s", call.output()).isTrue();

      // The IVR received the key the phone sent: 0, an agent (no agent is in the queue, so the
      // dialplan says goodbye and hangs up).
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> !events.ofType(HotlineDigitsEntered.class).isEmpty());
      HotlineDigitsEntered input = events.ofType(HotlineDigitsEntered.class).getLast();
      assertThat(input.digits()).isEqualTo("0");
      assertThat(input.timedOut()).isFalse();

      // The call detail record, stored from AMI events.
      CallDetailRecord cdr =
          await()
              .atMost(Duration.ofSeconds(15))
              .until(() -> records.find(input.callId()).orElse(null), r -> r != null);
      assertThat(cdr.callee()).isEqualTo("4000");
      assertThat(cdr.caller()).isEqualTo("customer");
      assertThat(cdr.channel()).startsWith("PJSIP/customer-");
      assertThat(cdr.durationSeconds()).isPositive();
      assertThat(cdr.answeredAt()).isNotNull();
      assertThat(cdr.billableSeconds()).isPositive();
      assertThat(cdr.cause()).as("hung up by the IVR: normal clearing").isEqualTo(16);
      assertThat(cdr.endedAt()).isAfter(cdr.startedAt());

      // The same call ended, on the versioned Kafka topic, keyed by call id.
      JsonNode ended = kafka.awaitRecord(input.callId());
      assertThat(ended.has("callee")).as("CallEnded JSON: %s", ended).isTrue();
      assertThat(ended.get("callee").asText()).isEqualTo("4000");
      assertThat(ended.get("cause").asInt()).isEqualTo(16);
      assertThat(ended.get("durationSeconds").asLong()).isEqualTo(cdr.durationSeconds());
    }

    // MixMonitor recorded the call (both directions) for QA.
    try (Stream<java.nio.file.Path> files = Files.list(asterisk.recordings())) {
      assertThat(files.filter(f -> f.getFileName().toString().endsWith(".wav")).toList())
          .anySatisfy(f -> assertThat(Files.size(f)).isGreaterThan(1000));
    }
    // And each direction apart, for QA to know who said what (MixMonitor r() and t()).
    try (Stream<java.nio.file.Path> files = Files.list(asterisk.recordings())) {
      List<String> names = files.map(f -> f.getFileName().toString()).toList();
      assertThat(names).anyMatch(n -> n.endsWith("-in.wav")).anyMatch(n -> n.endsWith("-out.wav"));
    }
  }
}
