package io.contactcenter.app.web;

import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentSettings;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactRouting;
import io.contactcenter.routing.NewContact;
import io.contactcenter.routing.QueueAdmin;
import io.contactcenter.routing.QueueServiceLevel;
import io.contactcenter.routing.QueueSettings;
import io.contactcenter.routing.WaitingContact;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Routing administration and statistics: agents' profiles and queues (admins), queue service levels
 * and the waiting order (supervisors), and enqueuing a contact by hand (admins; channels enqueue in
 * process).
 */
@RestController
class RoutingController {

  private final AgentDirectory agents;
  private final ContactRouting routing;
  private final QueueAdmin queues;

  RoutingController(AgentDirectory agents, ContactRouting routing, QueueAdmin queues) {
    this.agents = agents;
    this.routing = routing;
    this.queues = queues;
  }

  record QueueBody(
      String skill,
      Integer weight,
      String strategy,
      Integer serviceLevelSeconds,
      List<QueueSettings.Step> steps,
      QueueSettings.Hours hours) {}

  @GetMapping("/api/v1/routing/queues")
  List<QueueSettings> queues() {
    return queues.queues();
  }

  /**
   * Creates or replaces a queue; every problem comes back at once (422, in the user's language).
   */
  @PutMapping("/api/v1/routing/queues/{queueId}")
  QueueSettings saveQueue(@PathVariable String queueId, @RequestBody QueueBody body) {
    if (body == null) {
      throw new IllegalArgumentException("a queue needs at least its skill and routing steps");
    }
    return queues.save(
        new QueueSettings(
            queueId,
            body.skill(),
            body.weight() == null ? 0 : body.weight(),
            body.strategy() == null ? "LONGEST_IDLE" : body.strategy(),
            body.serviceLevelSeconds() == null ? 20 : body.serviceLevelSeconds(),
            body.steps(),
            body.hours()));
  }

  record AgentBody(
      Map<String, Integer> skills,
      Integer chats,
      Integer tickets,
      Integer wrapUpSeconds,
      String phone) {}

  record ContactBody(
      String channel, String reference, String queue, Boolean vip, String customer) {}

  record Enqueued(ContactId contactId) {}

  @GetMapping("/api/v1/routing/agents")
  List<AgentSettings> agents() {
    return agents.all();
  }

  @PutMapping("/api/v1/routing/agents/{agentId}")
  AgentSettings saveAgent(@PathVariable String agentId, @RequestBody AgentBody body) {
    if (body == null) {
      throw new IllegalArgumentException("an agent profile needs at least its skills");
    }
    return agents.save(
        new AgentSettings(
            agentId,
            body.skills(),
            body.chats() == null ? 3 : body.chats(),
            body.tickets() == null ? 5 : body.tickets(),
            body.wrapUpSeconds() == null ? 30 : body.wrapUpSeconds(),
            body.phone()));
  }

  @GetMapping("/api/v1/routing/service-levels")
  List<QueueServiceLevel> serviceLevels() {
    return routing.serviceLevels();
  }

  @GetMapping("/api/v1/routing/waiting")
  List<WaitingContact> waiting() {
    return routing.waiting();
  }

  @PostMapping("/api/v1/routing/contacts")
  @ResponseStatus(HttpStatus.CREATED)
  Enqueued enqueue(@RequestBody ContactBody body) {
    if (body == null || body.channel() == null) {
      throw new IllegalArgumentException("a contact needs a channel: VOICE, CHAT or TICKET");
    }
    ContactChannel channel;
    try {
      channel = ContactChannel.valueOf(body.channel());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "channel must be VOICE, CHAT or TICKET, not '" + body.channel() + "'", e);
    }
    return new Enqueued(
        routing.enqueue(
            new NewContact(
                channel,
                body.reference(),
                body.queue(),
                Boolean.TRUE.equals(body.vip()),
                body.customer())));
  }
}
