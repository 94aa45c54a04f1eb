package io.contactcenter.tickets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.outboundrobot.TicketRequested;
import io.contactcenter.outboundrobot.Turn;
import io.contactcenter.tickets.OpenTicketRequest;
import io.contactcenter.tickets.SourceKind;
import io.contactcenter.tickets.TicketCategory;
import io.contactcenter.tickets.TicketChannel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RobotTicketListenerTest {

  static final Instant AT = Instant.parse("2026-12-03T02:00:00Z");

  @Test
  void aComplaintBecomesAComplaintTicketLinkedToTheAttemptWithTheTranscript() {
    TicketRequested requested =
        new TicketRequested(
            "att-1",
            IntentLabel.COMPLAINT,
            List.of(
                Turn.robot(AT, "opening", "Hello, this is Acme Shop."),
                new Turn(
                    AT.plusSeconds(2),
                    "opening",
                    Turn.Speaker.CALLEE,
                    "I want to complain about the broken parcel",
                    Optional.of(IntentLabel.COMPLAINT),
                    0.9,
                    Optional.empty())),
            AT.plusSeconds(3));
    OpenTicketRequest r = RobotTicketListener.request(requested, Optional.empty());
    assertThat(r.category()).isEqualTo(TicketCategory.COMPLAINT);
    assertThat(r.channel()).isEqualTo(TicketChannel.ROBOT);
    assertThat(r.source().kind()).isEqualTo(SourceKind.ROBOT_ATTEMPT);
    assertThat(r.source().ref()).isEqualTo("att-1");
    assertThat(r.subject()).isEqualTo("I want to complain about the broken parcel");
    assertThat(r.description()).contains("robot: Hello, this is Acme Shop.", "broken parcel");
    assertThat(r.priority()).isNull();
  }

  @Test
  void withoutWordsTheSubjectNamesTheReasonAndAttempt() {
    OpenTicketRequest r =
        RobotTicketListener.request(
            new TicketRequested("att-2", IntentLabel.QUESTION, List.of(), AT), Optional.empty());
    assertThat(r.subject()).isEqualTo("robot question att-2");
    assertThat(r.category()).isEqualTo(TicketCategory.QUESTION);
  }
}
