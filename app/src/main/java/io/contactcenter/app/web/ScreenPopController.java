package io.contactcenter.app.web;

import io.contactcenter.app.security.PhoneNumberVisibility;
import io.contactcenter.ivr.IvrReports;
import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentStatus;
import io.contactcenter.routing.ContactAbandoned;
import io.contactcenter.routing.ContactCompleted;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactQueued;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The screen pop beside an offered contact (role AGENT, like every {@code /agent/**} path): who is
 * calling, how they got here (queue, wait, tier, the IVR's path and intent) and their history
 * across channels ({@link CustomerTimeline}). Only for a contact routing offered to or gave the
 * signed-in agent; numbers are masked for viewers who may not see them, so an agent never gets the
 * caller's number in full through it.
 */
@RestController
class ScreenPopController {

  /** Tiers remembered for contacts in routing, at most this many (the oldest are forgotten). */
  static final int REMEMBERED = 10_000;

  private final AgentDesk desk;
  private final CustomerTimeline timeline;
  private final Clock clock = Clock.systemUTC();

  /** Whether each contact in routing came as a VIP, from {@link ContactQueued}. */
  private final Map<ContactId, Boolean> vip =
      java.util.Collections.synchronizedMap(
          new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ContactId, Boolean> eldest) {
              return size() > REMEMBERED;
            }
          });

  ScreenPopController(AgentDesk desk, CustomerTimeline timeline) {
    this.desk = desk;
    this.timeline = timeline;
  }

  /**
   * What the agent sees when the contact rings.
   *
   * @param caller the customer as routing knows them (a number, masked for agents), {@code ""} when
   *     unknown
   * @param tier {@code VIP} or {@code STANDARD}; {@code null} when queued before this instance
   *     started
   * @param waitedSeconds from the original enqueue time to now
   * @param ivrPath the hotline menu's nodes the caller went through, {@code null} without IVR
   * @param ivrIntent what the caller chose at the first menu, {@code null} if nothing
   */
  record ScreenPop(
      ContactId contactId,
      String channel,
      String queue,
      String caller,
      String tier,
      Instant enqueuedAt,
      long waitedSeconds,
      Instant ringsUntil,
      String ivrPath,
      String ivrIntent,
      List<CustomerTimeline.Item> timeline) {}

  @EventListener
  void on(ContactQueued queued) {
    vip.putIfAbsent(queued.id(), queued.vip());
  }

  @EventListener
  void on(ContactCompleted completed) {
    vip.remove(completed.id());
  }

  @EventListener
  void on(ContactAbandoned abandoned) {
    vip.remove(abandoned.id());
  }

  @GetMapping("/agent/api/screen-pop/{contactId}")
  ScreenPop screenPop(@PathVariable String contactId, Authentication user) {
    ContactId id = ContactId.of(contactId);
    AgentStatus status = desk.status(user.getName());
    AgentStatus.OfferedContact contact =
        Stream.concat(status.offers().stream(), status.open().stream())
            .filter(c -> c.id().equals(id))
            .findFirst()
            .orElseThrow(() -> new NotYoursException(contactId));
    PhoneNumberVisibility visibility = PhoneNumberVisibility.of(user);
    String reference = id.value().substring(id.value().indexOf(':') + 1);
    Optional<IvrReports.IvrSession> ivr = timeline.ivrSessionOf(reference);
    Boolean isVip = vip.get(id);
    Instant now = clock.instant();
    return new ScreenPop(
        id,
        contact.channel().name(),
        contact.queue(),
        visibility.show(contact.customer()),
        isVip == null ? null : isVip ? "VIP" : "STANDARD",
        contact.enqueuedAt(),
        Math.max(0, Duration.between(contact.enqueuedAt(), now).toSeconds()),
        contact.expiresAt(),
        ivr.map(s -> visibility.show(s.path())).orElse(null),
        ivr.map(IvrReports.IvrSession::intent).filter(i -> !i.isEmpty()).orElse(null),
        contact.customer().isEmpty() ? List.of() : timeline.of(contact.customer(), visibility));
  }

  /** The contact is not ringing or held by the asking agent. */
  static final class NotYoursException extends RuntimeException {
    NotYoursException(String contactId) {
      super("contact " + contactId + " is not offered to you and not yours");
    }
  }

  @ExceptionHandler(NotYoursException.class)
  ProblemDetail notYours(NotYoursException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setType(URI.create("urn:cc:problem:contact-not-yours"));
    return problem;
  }

  @ExceptionHandler(io.contactcenter.routing.UnknownAgentException.class)
  ProblemDetail noProfile(io.contactcenter.routing.UnknownAgentException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setType(URI.create("urn:cc:problem:agent-not-found"));
    return problem;
  }
}
