package io.contactcenter.app.web;

import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentSettings;
import io.contactcenter.routing.AgentState;
import io.contactcenter.routing.AgentStateChanged;
import io.contactcenter.routing.AgentStatus;
import io.contactcenter.routing.ContactAccepted;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactCompleted;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactRouting;
import io.contactcenter.routing.QueueServiceLevel;
import io.contactcenter.routing.UnknownAgentException;
import io.contactcenter.routing.WaitingContact;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The supervisor's wallboard: every queue's waiting contacts, longest wait and service levels,
 * every agent's state with its time in state, and the calls agents are on, read from routing's API.
 * When each agent entered its state and each call was answered come from routing's events, as this
 * instance saw them ({@code null}: before this instance started).
 *
 * <p>One snapshot serves every watching page for {@link #REUSE} unless something {@link #changed()}
 * since its read began, so ten supervisors cost what one does and none is shown a board older than
 * the change that woke its page. Thread-safe.
 */
@Component
class Wallboard {

  /** A snapshot is read again after this long. */
  static final Duration REUSE = Duration.ofMillis(500);

  private final ContactRouting routing;
  private final AgentDirectory directory;
  private final AgentDesk desk;
  private final Clock clock;
  private final Map<String, AgentStateChanged> lastChange = new ConcurrentHashMap<>();
  private final Map<ContactId, ContactAccepted> answered = new ConcurrentHashMap<>();

  /**
   * Agents known to be logged out: not asked for their status again until an event says they logged
   * in (logging in is always announced), so offline agents cost no query per snapshot.
   */
  private final java.util.Set<String> offline = ConcurrentHashMap.newKeySet();

  /** Counts {@link #changed()}: a snapshot is reused only while it stands still. */
  private final java.util.concurrent.atomic.AtomicLong changes =
      new java.util.concurrent.atomic.AtomicLong();

  /** The last snapshot and the change count when its read began. */
  private record Reused(Board board, long changes) {}

  private volatile Reused last;

  Wallboard(ContactRouting routing, AgentDirectory directory, AgentDesk desk) {
    this.routing = routing;
    this.directory = directory;
    this.desk = desk;
    this.clock = Clock.systemUTC();
  }

  /**
   * One queue.
   *
   * @param oldestWaiting when the oldest waiting contact was enqueued, {@code null} when none waits
   * @param longestWaitSeconds its time in queue at the snapshot, {@code null} when none waits
   * @param serviceLevel SL1 in percent, {@code null} before the first answer
   * @param serviceLevel2 SL2 in percent, {@code null} before the first contact stopped waiting
   */
  record QueueRow(
      String queue,
      int waiting,
      Instant oldestWaiting,
      Long longestWaitSeconds,
      long thresholdSeconds,
      Double serviceLevel,
      Double serviceLevel2,
      long answered,
      long abandoned) {}

  /**
   * One agent.
   *
   * @param since when the agent entered the state; {@code null} when that was before this instance
   *     started
   * @param secondsInState from {@code since} to the snapshot, {@code null} likewise
   */
  record AgentRow(
      String agentId, AgentState state, String reason, Instant since, Long secondsInState) {}

  /**
   * A call an agent is on: the contact, who serves it and since when ({@code null} when answered
   * before this instance started).
   *
   * @param customer as routing knows the caller (a name or a number; supervisors see it in full)
   */
  record LiveCall(
      ContactId contactId,
      String agentId,
      String queue,
      String customer,
      Instant answeredAt,
      Long seconds) {}

  /** The whole board at {@code at}. */
  record Board(Instant at, List<QueueRow> queues, List<AgentRow> agents, List<LiveCall> calls) {}

  @EventListener
  void on(AgentStateChanged changed) {
    synchronized (offline) {
      lastChange.put(changed.agentId(), changed);
      if (changed.state() == AgentState.OFFLINE) {
        offline.add(changed.agentId());
      } else {
        offline.remove(changed.agentId());
      }
    }
  }

  @EventListener
  void on(ContactAccepted accepted) {
    if (accepted.channel() == ContactChannel.VOICE) {
      answered.put(accepted.id(), accepted);
    }
  }

  @EventListener
  void on(ContactCompleted completed) {
    answered.remove(completed.id());
  }

  /** Routing changed something the board shows (committed): the next {@link #now()} reads anew. */
  void changed() {
    changes.incrementAndGet();
  }

  /**
   * The board now, or the one read less than {@link #REUSE} ago when nothing {@link #changed()}
   * since.
   */
  Board now() {
    Reused reused = last;
    Instant now = clock.instant();
    long changesBefore = changes.get();
    if (reused != null
        && reused.changes() == changesBefore
        && Duration.between(reused.board().at(), now).compareTo(REUSE) < 0) {
      return reused.board();
    }
    Board board = read(now);
    last = new Reused(board, changesBefore);
    return board;
  }

  private Board read(Instant now) {
    Map<String, Instant> oldest = new LinkedHashMap<>();
    for (WaitingContact w : routing.waiting()) {
      oldest.merge(w.queue(), w.enqueuedAt(), (a, b) -> a.isBefore(b) ? a : b);
    }
    List<QueueRow> queues = new ArrayList<>();
    for (QueueServiceLevel sl : routing.serviceLevels()) {
      Instant first = oldest.get(sl.queue());
      queues.add(
          new QueueRow(
              sl.queue(),
              sl.waiting(),
              first,
              seconds(first, now),
              sl.thresholdSeconds(),
              percent(sl.serviceLevel()),
              percent(sl.serviceLevel2()),
              sl.answered(),
              sl.abandoned()));
    }
    queues.sort(Comparator.comparing(QueueRow::queue));

    List<AgentRow> agents = new ArrayList<>();
    List<LiveCall> calls = new ArrayList<>();
    for (AgentSettings settings : directory.all()) {
      AgentStatus status;
      if (offline.contains(settings.agentId())) {
        status =
            new AgentStatus(settings.agentId(), AgentState.OFFLINE, "", null, List.of(), List.of());
      } else {
        try {
          status = desk.status(settings.agentId());
        } catch (UnknownAgentException deletedMeanwhile) {
          continue;
        }
        if (status.state() == AgentState.OFFLINE) {
          synchronized (offline) {
            // Unless a log-in was announced since the status was read.
            AgentStateChanged change = lastChange.get(status.agentId());
            if (change == null || change.state() == AgentState.OFFLINE) {
              offline.add(status.agentId());
            }
          }
        }
      }
      AgentStateChanged change = lastChange.get(status.agentId());
      Instant since = change != null && change.state() == status.state() ? change.at() : null;
      agents.add(
          new AgentRow(
              status.agentId(), status.state(), status.reason(), since, seconds(since, now)));
      for (AgentStatus.OfferedContact open : status.open()) {
        if (open.channel() != ContactChannel.VOICE) {
          continue;
        }
        ContactAccepted accepted = answered.get(open.id());
        Instant at = accepted == null ? null : accepted.at();
        calls.add(
            new LiveCall(
                open.id(), status.agentId(), open.queue(), open.customer(), at, seconds(at, now)));
      }
    }
    // Working agents first, then by name; the offline at the end.
    agents.sort(
        Comparator.comparing((AgentRow a) -> a.state() == AgentState.OFFLINE)
            .thenComparing(AgentRow::agentId));
    return new Board(now, List.copyOf(queues), List.copyOf(agents), List.copyOf(calls));
  }

  /** The live call of this contact, if an agent is on it now. */
  java.util.Optional<LiveCall> call(ContactId contact) {
    return read(clock.instant()).calls().stream()
        .filter(c -> c.contactId().equals(contact))
        .findFirst();
  }

  private static Double percent(Double ratio) {
    return ratio == null ? null : Math.round(ratio * 1000) / 10.0;
  }

  private static Long seconds(Instant since, Instant now) {
    return since == null ? null : Math.max(0, Duration.between(since, now).toSeconds());
  }
}
