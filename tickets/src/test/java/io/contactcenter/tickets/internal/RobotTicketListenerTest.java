package io.contactcenter.tickets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.campaigns.CalledContact;
import io.contactcenter.campaigns.Campaigns;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.outboundrobot.RobotCalls;
import io.contactcenter.outboundrobot.TicketRequested;
import io.contactcenter.outboundrobot.Turn;
import io.contactcenter.tickets.CustomerTier;
import io.contactcenter.tickets.OpenTicketRequest;
import io.contactcenter.tickets.SourceKind;
import io.contactcenter.tickets.Ticket;
import io.contactcenter.tickets.TicketCategory;
import io.contactcenter.tickets.TicketChannel;
import io.contactcenter.tickets.TicketDesk;
import io.contactcenter.tickets.TicketOpening;
import io.contactcenter.tickets.TicketPriority;
import io.contactcenter.tickets.TicketSource;
import io.contactcenter.tickets.TicketStatus;
import io.contactcenter.tickets.internal.domain.PriorityPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

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
    OpenTicketRequest r =
        RobotTicketListener.request(
            requested, Optional.empty(), RobotTicketListener.Customer.UNKNOWN);
    assertThat(r.category()).isEqualTo(TicketCategory.COMPLAINT);
    assertThat(r.channel()).isEqualTo(TicketChannel.ROBOT);
    assertThat(r.source().kind()).isEqualTo(SourceKind.ROBOT_ATTEMPT);
    assertThat(r.source().ref()).isEqualTo("att-1");
    assertThat(r.subject()).isEqualTo("I want to complain about the broken parcel");
    assertThat(r.description()).contains("robot: Hello, this is Acme Shop.", "broken parcel");
    assertThat(r.priority()).isNull();
    assertThat(r.customerPhone()).isNull();
    assertThat(r.tier()).isEqualTo(CustomerTier.STANDARD);
  }

  @Test
  void withoutWordsTheSubjectNamesTheReasonAndAttempt() {
    OpenTicketRequest r =
        RobotTicketListener.request(
            new TicketRequested("att-2", IntentLabel.QUESTION, List.of(), AT),
            Optional.empty(),
            RobotTicketListener.Customer.UNKNOWN);
    assertThat(r.subject()).isEqualTo("robot question att-2");
    assertThat(r.category()).isEqualTo(TicketCategory.QUESTION);
  }

  // ---- the customer called

  static final PhoneNumber CALLEE = PhoneNumber.parse("+8613800138000");

  private final TicketDesk desk = mock(TicketDesk.class);
  private final RobotCalls robot = mock(RobotCalls.class);
  private final Campaigns campaigns = mock(Campaigns.class);
  private final RobotTicketListener listener = new RobotTicketListener(desk, robot, campaigns);

  @Test
  void aCampaignCallsTicketIsTheContactsWithItsNameAndOrder() {
    when(campaigns.contactCalled("att-3"))
        .thenReturn(Optional.of(new CalledContact("cmp-1", CALLEE, "王芳", "SO-20261203-7")));
    OpenTicketRequest r = opened(complaint("att-3"));
    assertThat(r.customerPhone()).isEqualTo(CALLEE);
    assertThat(r.customerRef()).isNull();
    assertThat(r.tier()).isEqualTo(CustomerTier.STANDARD);
    assertThat(r.description())
        .startsWith("customer / 客户: 王芳\norder / 订单号: SO-20261203-7\n")
        .contains("callee: \"I want to complain about the broken parcel\"");
    assertThat(r.tags()).containsExactly("robot", "complaint", "order-so-20261203-7");
    // The campaign's number is the one dialed: the robot is not asked.
    verify(robot, never()).calledNumber(any());
  }

  @Test
  void aCallOutsideACampaignIsTheNumberTheRobotCalled() {
    when(robot.calledNumber("att-4")).thenReturn(Optional.of(CALLEE));
    OpenTicketRequest r = opened(complaint("att-4"));
    assertThat(r.customerPhone()).isEqualTo(CALLEE);
    assertThat(r.tags()).containsExactly("robot", "complaint");
    assertThat(r.description()).doesNotContain("order / 订单号", "customer / 客户");
  }

  @Test
  void theShopsRefAndTierComeFromTheCustomersLatestTicketThatNamesThem() {
    when(robot.calledNumber("att-5")).thenReturn(Optional.of(CALLEE));
    when(desk.ofCustomer(CALLEE, RobotTicketListener.EARLIER_TICKETS))
        .thenReturn(
            List.of(
                earlier("T-3", null, CustomerTier.STANDARD),
                earlier("T-2", "shop-cust-42", CustomerTier.VIP),
                earlier("T-1", "shop-cust-41", CustomerTier.STANDARD)));
    OpenTicketRequest r = opened(complaint("att-5"));
    assertThat(r.customerRef()).isEqualTo("shop-cust-42");
    assertThat(r.tier()).isEqualTo(CustomerTier.VIP);
    // The robot names no priority: the policy raises a VIP's complaint above a standard one's.
    assertThat(r.priority()).isNull();
    assertThat(PriorityPolicy.initial(r.category(), r.tier())).isEqualTo(TicketPriority.URGENT);
    assertThat(PriorityPolicy.initial(r.category(), CustomerTier.STANDARD))
        .isEqualTo(TicketPriority.HIGH);
  }

  @Test
  void anUnknownAttemptStillOpensTheTicketWithoutACustomer() {
    OpenTicketRequest r = opened(complaint("att-6"));
    assertThat(r.customerPhone()).isNull();
    assertThat(r.tier()).isEqualTo(CustomerTier.STANDARD);
    verify(desk, never()).ofCustomer(any(), anyInt());
  }

  @Test
  void aRedeliveryAsksTheDeskForTheSameTicket() {
    when(robot.calledNumber("att-7")).thenReturn(Optional.of(CALLEE));
    TicketRequested requested = complaint("att-7");
    OpenTicketRequest first = opened(requested);
    OpenTicketRequest again = opened(requested);
    // The desk keys on the source: the same request finds the ticket the first one opened.
    assertThat(again).isEqualTo(first);
    assertThat(again.source().ref()).isEqualTo("att-7");
  }

  private OpenTicketRequest opened(TicketRequested requested) {
    ArgumentCaptor<OpenTicketRequest> request = ArgumentCaptor.forClass(OpenTicketRequest.class);
    clearInvocations(desk);
    when(desk.open(any()))
        .thenAnswer(
            call -> new TicketOpening(earlier("T-9", null, null), TicketOpening.Outcome.OPENED));
    listener.on(requested);
    verify(desk).open(request.capture());
    return request.getValue();
  }

  private static TicketRequested complaint(String attemptId) {
    return new TicketRequested(
        attemptId,
        IntentLabel.COMPLAINT,
        List.of(
            new Turn(
                AT,
                "opening",
                Turn.Speaker.CALLEE,
                "I want to complain about the broken parcel",
                Optional.of(IntentLabel.COMPLAINT),
                0.9,
                Optional.empty())),
        AT.plusSeconds(1));
  }

  private static Ticket earlier(String id, String ref, CustomerTier tier) {
    return new Ticket(
        id,
        "earlier",
        CALLEE.masked(),
        ref,
        tier,
        TicketChannel.SHOP,
        new TicketSource(SourceKind.SHOP_REQUEST, id),
        TicketCategory.OTHER,
        TicketPriority.NORMAL,
        TicketStatus.SOLVED,
        null,
        "support",
        List.of(),
        List.of(id),
        null,
        null,
        AT,
        AT,
        null,
        Map.of());
  }
}
