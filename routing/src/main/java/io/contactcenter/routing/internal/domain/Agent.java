package io.contactcenter.routing.internal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/** An agent's mutable routing state; only {@link ContactDistributor} touches it, under its lock. */
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

  /** Offers held plus contacts open, per channel: never above the profile's capacity. */
  private final Map<Channel, Integer> used = new EnumMap<>(Channel.class);

  private int open;
  private LocalDate countedOn;
  private int contactsToday;

  Agent(AgentProfile profile, Instant now) {
    this.profile = profile;
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
    for (Channel channel : Channel.values()) {
      if (hasRoom(channel)) {
        return true;
      }
    }
    return false;
  }

  boolean hasRoom(Channel channel) {
    return used.getOrDefault(channel, 0) < profile.capacity(channel);
  }

  int used(Channel channel) {
    return used.getOrDefault(channel, 0);
  }

  void reserve(Channel channel) {
    used.merge(channel, 1, Integer::sum);
  }

  void release(Channel channel) {
    used.merge(channel, -1, Integer::sum);
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
    int held = used.values().stream().mapToInt(Integer::intValue).sum();
    if (held > 0) {
      return new Presence.OnContact(held);
    }
    if (status == Status.NOT_READY) {
      return new Presence.NotReady(notReadyReason, since);
    }
    return new Presence.Ready(wrapUpUntil != null ? wrapUpUntil : idleSince);
  }
}
