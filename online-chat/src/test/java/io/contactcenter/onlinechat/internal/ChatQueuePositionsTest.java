package io.contactcenter.onlinechat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.common.PhoneNumber;
import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactRouting;
import io.contactcenter.routing.NewContact;
import io.contactcenter.routing.QueuePlace;
import io.contactcenter.routing.QueueServiceLevel;
import io.contactcenter.routing.WaitingContact;
import io.contactcenter.routing.WithdrawReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The live place in line: announced when it changes, once, and with 0 when the chat left. */
class ChatQueuePositionsTest {

  private final Map<String, QueuePlace> places = new LinkedHashMap<>();
  private final ChatFanout fanout = new ChatFanout();
  private final List<ChatFanout.QueueNotice> told = new ArrayList<>();
  private final ChatQueuePositions positions =
      new ChatQueuePositions(
          new Routing(),
          id -> id.startsWith("zh") ? Optional.of(ChatLanguage.ZH) : Optional.of(ChatLanguage.EN),
          fanout,
          Duration.ofSeconds(1));

  ChatQueuePositionsTest() {
    fanout.subscribeNotices("en-1", told::add);
    fanout.subscribeNotices("zh-1", told::add);
  }

  @Test
  void aPlaceIsToldWhenItChangesAndTheLineEndsWithPositionZero() {
    places.put("en-1", new QueuePlace("chat-en", 2, Duration.ofSeconds(150), false));
    positions.update();
    assertThat(told).hasSize(1);
    assertThat(told.get(0).frame())
        .containsEntry("type", "queue")
        .containsEntry("position", 2)
        .containsEntry("waitMinutes", 3L)
        .containsEntry("text", "You are number 2 in line, about 3 minutes.");

    // Same place, a few seconds less to wait within the same minute: nothing new to tell.
    places.put("en-1", new QueuePlace("chat-en", 2, Duration.ofSeconds(140), false));
    positions.update();
    assertThat(told).hasSize(1);

    places.put("en-1", new QueuePlace("chat-en", 1, Duration.ofSeconds(10), false));
    positions.update();
    assertThat(told).hasSize(2);
    assertThat(told.get(1).frame())
        .containsEntry("text", "You are number 1 in line, about 1 minute.");
    assertThat(fanout.latestNotice("en-1")).contains(told.get(1));

    places.remove("en-1");
    positions.update();
    assertThat(told).hasSize(3);
    assertThat(told.get(2).position()).isZero();
    assertThat(fanout.latestNotice("en-1")).isEmpty();
    positions.update();
    assertThat(told).hasSize(3);
  }

  @Test
  void aChineseVisitorIsToldInChineseAndALateSubscriberGetsTheLatestPlace() {
    places.put("zh-1", new QueuePlace("chat-zh", 3, Duration.ofMinutes(4), false));
    positions.update();
    assertThat(told.get(0).frame()).containsEntry("text", "您当前排在第 3 位，预计等待约 4 分钟。");
    List<ChatFanout.QueueNotice> late = new ArrayList<>();
    fanout.subscribeNotices("zh-1", late::add);
    assertThat(late).containsExactly(told.get(0));
  }

  @Test
  void minutesAreRoundedUpAndAtLeastOne() {
    assertThat(ChatQueuePositions.minutes(Duration.ZERO)).isEqualTo(1);
    assertThat(ChatQueuePositions.minutes(Duration.ofSeconds(60))).isEqualTo(1);
    assertThat(ChatQueuePositions.minutes(Duration.ofSeconds(61))).isEqualTo(2);
  }

  /** Routing as far as the place in line goes: the chats in {@code places}, in that order. */
  private final class Routing implements ContactRouting {
    @Override
    public List<WaitingContact> waiting() {
      return places.entrySet().stream()
          .map(
              e ->
                  new WaitingContact(
                      ContactId.of(ContactChannel.CHAT, e.getKey()),
                      ContactChannel.CHAT,
                      e.getValue().queue(),
                      5,
                      Instant.EPOCH))
          .toList();
    }

    @Override
    public Optional<QueuePlace> place(ContactId id) {
      return Optional.ofNullable(places.get(id.value().substring("chat:".length())));
    }

    @Override
    public ContactId enqueue(NewContact contact) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean withdraw(ContactId id, WithdrawReason reason) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean isOpen(String queue) {
      return true;
    }

    @Override
    public List<QueueServiceLevel> serviceLevels() {
      return List.of();
    }

    @Override
    public boolean anyAgentLoggedInFor(String queue) {
      return true;
    }

    @Override
    public boolean handBack(ContactId id) {

      return false;
    }

    @Override
    public boolean requestCallback(ContactId id, PhoneNumber number) {
      throw new UnsupportedOperationException();
    }
  }
}
