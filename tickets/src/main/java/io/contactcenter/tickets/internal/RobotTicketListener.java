package io.contactcenter.tickets.internal;

import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.outboundrobot.RobotAttempt;
import io.contactcenter.outboundrobot.RobotCalls;
import io.contactcenter.outboundrobot.TicketRequested;
import io.contactcenter.outboundrobot.Turn;
import io.contactcenter.tickets.OpenTicketRequest;
import io.contactcenter.tickets.SourceKind;
import io.contactcenter.tickets.TicketCategory;
import io.contactcenter.tickets.TicketChannel;
import io.contactcenter.tickets.TicketDesk;
import io.contactcenter.tickets.TicketOpening;
import io.contactcenter.tickets.TicketSource;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Turns the robot's {@link TicketRequested} into a ticket linked to the attempt. Idempotent: the
 * attempt id is the ticket's source, so a redelivered event (the publication registry retries until
 * this succeeds) finds the ticket it opened and changes nothing.
 */
class RobotTicketListener {

  private static final Logger log = LoggerFactory.getLogger(RobotTicketListener.class);

  private final TicketDesk desk;
  private final RobotCalls robot;

  RobotTicketListener(TicketDesk desk, RobotCalls robot) {
    this.desk = desk;
    this.robot = robot;
  }

  @ApplicationModuleListener
  public void on(TicketRequested requested) {
    TicketOpening opening = desk.open(request(requested, robot.find(requested.attemptId())));
    log.info(
        "robot attempt {}: ticket {} ({})",
        requested.attemptId(),
        opening.ticket().ticketId(),
        opening.outcome());
  }

  static OpenTicketRequest request(TicketRequested requested, Optional<RobotAttempt> attempt) {
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
        null,
        null,
        null,
        TicketChannel.ROBOT,
        new TicketSource(SourceKind.ROBOT_ATTEMPT, requested.attemptId()),
        category,
        null,
        List.of("robot", requested.reason().code().replace('_', '-')),
        null,
        "robot");
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
