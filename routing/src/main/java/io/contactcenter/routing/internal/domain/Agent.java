package io.contactcenter.routing.internal.domain;

import java.time.Instant;
import java.time.LocalDate;

/** An agent's mutable routing state; only {@link ContactDistributor} touches it, under its lock. */
// Room per channel is kept in arrays indexed by the channel's ordinal: every routing pass asks
// every agent (1,000 in the benchmark) whether it has room, and map lookups were a fifth of a pass.
@SuppressWarnings("EnumOrdinal")
final class Agent {

  private enum Status {
    OFFLINE,
    READY,
    NOT_READY
  }

  final AgentProfile profile;
  private Status status = Status.OFFLINE;
  private String notReadyReason = "";
  private Instant since;
  private Instant idleSince;
  private Instant wrapUpUntil;

  private static final Channel[] CHANNELS = Channel.values();

  // Arrays by channel ordinal: a routing pass asks every agent for room, so no map lookups here.
  private final int[] capacity = new int[CHANNELS.length];

  /** Offers held plus contacts open, per channel: never above the profile's capacity. */
  private final int[] used = new int[CHANNELS.length];

  private int open;
  private LocalDate countedOn;
  private int contactsToday;

  Agent(AgentProfile profile, Instant now) {
    this.profile = profile;
    for (Channel channel : CHANNELS) {
      capacity[channel.ordinal()] = profile.capacity(channel);
    }
    this.since = now;
    this.idleSince = now;
  }

  void logOut(Instant now) {
    status = Status.OFFLINE;
    since = now;
    wrapUpUntil = null;
  }

  void ready(Instant now) {
    if (status != Status.READY) {
      idleSince = now;
    }
    status = Status.READY;
    since = now;
    wrapUpUntil = null;
  }

  void notReady(String reason, Instant now) {
    status = Status.NOT_READY;
    notReadyReason = reason;
    since = now;
  }

  /**
   * What a new routing term needs to resume this agent as it is now ({@code null} when offline).
   */
  SavedPresence saved() {
    if (status == Status.OFFLINE) {
      return null;
    }
    return new SavedPresence(
        status == Status.READY,
        status == Status.NOT_READY ? notReadyReason : "",
        since,
        idleSince,
        wrapUpUntil);
  }

  /**
   * Resumes the agent as the last routing term left them: their choice of ready or not ready, its
   * time, their idle time and a wrap-up still running (one that ran out ends at the next look, as
   * it would have).
   */
  void resume(SavedPresence saved) {
    status = saved.ready() ? Status.READY : Status.NOT_READY;
    notReadyReason = saved.ready() ? "" : saved.reason();
    since = saved.since();
    idleSince = saved.idleSince();
    wrapUpUntil = saved.wrapUpUntil();
  }

  boolean isOffline() {
    return status == Status.OFFLINE;
  }

  /** Ready, out of wrap-up (a wrap-up whose timer ran out ends here) and with room somewhere. */
  boolean takesOffers(Instant now) {
    if (status != Status.READY) {
      return false;
    }
    if (wrapUpUntil != null) {
      if (now.isBefore(wrapUpUntil)) {
        return false;
      }
      idleSince = wrapUpUntil;
      wrapUpUntil = null;
    }
    for (int c = 0; c < CHANNELS.length; c++) {
      if (used[c] < capacity[c]) {
        return true;
      }
    }
    return false;
  }

  boolean hasRoom(Channel channel) {
    return used[channel.ordinal()] < capacity[channel.ordinal()];
  }

  int used(Channel channel) {
    return used[channel.ordinal()];
  }

  void reserve(Channel channel) {
    used[channel.ordinal()]++;
  }

  void release(Channel channel) {
    used[channel.ordinal()]--;
  }

  void connected(LocalDate today) {
    open++;
    if (!today.equals(countedOn)) {
      countedOn = today;
      contactsToday = 0;
    }
    contactsToday++;
  }

  /** The contact ended: wrap-up starts when it was the agent's last open one. */
  void ended(Channel channel, Instant now) {
    release(channel);
    open--;
    if (open == 0) {
      if (profile.wrapUp().isPositive()) {
        wrapUpUntil = now.plus(profile.wrapUp());
      } else {
        idleSince = now;
      }
    }
  }

  /**
   * The agent's side of an open contact was lost (their page closed mid-call): the contact leaves
   * them without a wrap-up (there is nothing to wrap up, it goes to another agent), and they are
   * set not ready with {@code reason}.
   */
  void lost(Channel channel, String reason, Instant now) {
    release(channel);
    open--;
    notReady(reason, now);
  }

  void endWrapUp(Instant now) {
    if (wrapUpUntil != null) {
      wrapUpUntil = null;
      idleSince = now;
    }
  }

  Instant idleSince() {
    return idleSince;
  }

  int contactsToday(LocalDate today) {
    return today.equals(countedOn) ? contactsToday : 0;
  }

  Presence presence(Instant now) {
    if (status == Status.OFFLINE) {
      return new Presence.Offline();
    }
    if (wrapUpUntil != null && now.isBefore(wrapUpUntil)) {
      return new Presence.WrapUp(wrapUpUntil);
    }
    int held = 0;
    for (int n : used) {
      held += n;
    }
    if (held > 0) {
      return new Presence.OnContact(held);
    }
    if (status == Status.NOT_READY) {
      return new Presence.NotReady(notReadyReason, since);
    }
    return new Presence.Ready(wrapUpUntil != null ? wrapUpUntil : idleSince);
  }
}
