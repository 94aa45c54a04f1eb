package io.contactcenter.tickets.internal;

import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.campaigns.CalledContact;
import io.contactcenter.campaigns.Campaigns;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.outboundrobot.RobotAttempt;
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
import io.contactcenter.tickets.TicketSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Turns the robot's {@link TicketRequested} into a ticket linked to the attempt and to the customer
 * called: their full number (so that replies reach them and the ticket is on their timeline), the
 * shop's customer ref and tier their earlier tickets carry (a VIP's complaint is raised as the
 * priority policy says), and the campaign contact's name and order. Idempotent: the attempt id is
 * the ticket's source, so a redelivered event (the publication registry retries until this
 * succeeds) finds the ticket it opened and changes nothing.
 */
class RobotTicketListener {

  private static final Logger log = LoggerFactory.getLogger(RobotTicketListener.class);

  /** How many of the customer's latest tickets are searched for their ref and tier. */
  static final int EARLIER_TICKETS = 20;

  private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_-]{1,34}");

  private final TicketDesk desk;
  private final RobotCalls robot;
  private final Campaigns campaigns;

  RobotTicketListener(TicketDesk desk, RobotCalls robot, Campaigns campaigns) {
    this.desk = desk;
    this.robot = robot;
    this.campaigns = campaigns;
  }

  @ApplicationModuleListener
  public void on(TicketRequested requested) {
    String attemptId = requested.attemptId();
    Optional<CalledContact> contact = campaigns.contactCalled(attemptId);
    Optional<PhoneNumber> phone =
        contact.map(CalledContact::phone).or(() -> robot.calledNumber(attemptId));
    Customer customer =
        Customer.of(
            phone.orElse(null),
            phone.map(p -> desk.ofCustomer(p, EARLIER_TICKETS)).orElse(List.of()),
            contact.orElse(null));
    TicketOpening opening = desk.open(request(requested, robot.find(attemptId), customer));
    log.info(
        "robot attempt {}: ticket {} ({}) for {}",
        attemptId,
        opening.ticket().ticketId(),
        opening.outcome(),
        customer.phone());
  }

  /**
   * The customer a robot ticket is for, as far as known.
   *
   * @param phone the number called, in full; null when the attempt is unknown
   * @param ref the shop's customer ref, from the customer's latest ticket that has one
   * @param tier VIP when the customer's latest ticket with a ref or a VIP tier says so
   * @param name the campaign contact's name
   * @param orderNumber the campaign contact's order
   */
  record Customer(
      PhoneNumber phone, String ref, CustomerTier tier, String name, String orderNumber) {

    static final Customer UNKNOWN = new Customer(null, null, null, null, null);

    /**
     * @param earlier the customer's tickets, newest first: the shop names ref and tier when it
     *     opens one, and the newest that names either is taken as current
     */
    static Customer of(PhoneNumber phone, List<Ticket> earlier, CalledContact contact) {
      Optional<Ticket> known =
          earlier.stream()
              .filter(t -> t.customerRef() != null || t.tier() == CustomerTier.VIP)
              .findFirst();
      return new Customer(
          phone,
          known.map(Ticket::customerRef).orElse(null),
          known.map(Ticket::tier).orElse(null),
          contact == null ? null : contact.name(),
          contact == null ? null : contact.orderNumber());
    }
  }

  static OpenTicketRequest request(
      TicketRequested requested, Optional<RobotAttempt> attempt, Customer customer) {
    TicketCategory category = categoryOf(requested.reason());
    String said =
        requested.transcript().stream()
            .filter(t -> t.speaker() == Turn.Speaker.CALLEE && !t.text().isEmpty())
            .filter(t -> t.label().filter(l -> l == requested.reason()).isPresent())
            .map(Turn::text)
            .reduce((first, second) -> first)
            .orElse("");
    String subject =
        said.isEmpty()
            ? "robot " + requested.reason().code() + " " + requested.attemptId()
            : truncate(said, 200);
    List<String> lines = requested.transcript().stream().map(Turn::describe).toList();
    StringBuilder description = new StringBuilder();
    if (customer.name() != null) {
      description.append("customer / 客户: ").append(customer.name()).append('\n');
    }
    if (customer.orderNumber() != null) {
      description.append("order / 订单号: ").append(customer.orderNumber()).append('\n');
    }
    attempt.ifPresent(
        a -> {
          if (a.callId() != null) {
            description.append("call: ").append(a.callId()).append('\n');
          }
          if (a.recording() != null) {
            description.append("recording: ").append(a.recording()).append('\n');
          }
        });
    description.append(lines.stream().collect(Collectors.joining("\n")));
    return new OpenTicketRequest(
        subject,
        truncate(description.toString(), 10_000),
        customer.phone(),
        customer.ref(),
        customer.tier(),
        TicketChannel.ROBOT,
        new TicketSource(SourceKind.ROBOT_ATTEMPT, requested.attemptId()),
        category,
        null,
        tags(requested, customer),
        null,
        "robot");
  }

  /** The robot's tags, and {@code order-<number>} when the order number makes a valid tag. */
  private static List<String> tags(TicketRequested requested, Customer customer) {
    List<String> tags = new ArrayList<>();
    tags.add("robot");
    tags.add(requested.reason().code().replace('_', '-'));
    if (customer.orderNumber() != null && TAG.matcher(customer.orderNumber()).matches()) {
      tags.add("order-" + customer.orderNumber());
    }
    return tags;
  }

  static TicketCategory categoryOf(IntentLabel reason) {
    return switch (reason) {
      case COMPLAINT -> TicketCategory.COMPLAINT;
      case QUESTION -> TicketCategory.QUESTION;
      case CALL_BACK_LATER, REQUEST_HUMAN -> TicketCategory.CALLBACK;
      case AGREE, ALREADY_DONE, REFUSE, WRONG_PERSON, DO_NOT_CALL, UNKNOWN -> TicketCategory.OTHER;
    };
  }

  private static String truncate(String text, int max) {
    String clean = text.replaceAll("[\\p{Cntrl}&&[^\\n]]", " ");
    return clean.codePointCount(0, clean.length()) <= max
        ? clean
        : clean.substring(0, clean.offsetByCodePoints(0, max - 1)) + "…";
  }
}
