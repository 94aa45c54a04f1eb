package io.contactcenter.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.common.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TagChangeTest {

  @Test
  void tagsAreCheckedAndLowerCasedAsWhenATicketIsOpened() {
    TagChange change = new TagChange(List.of("VIP", "vip", "退货"), List.of("Spam"));
    assertThat(change.add()).containsExactly("vip", "退货");
    assertThat(change.remove()).containsExactly("spam");
    assertThat(new TagChange(null, List.of("x")).add()).isEmpty();
  }

  @Test
  void aMalformedTagIsRefusedNamingIt() {
    assertThatThrownBy(() -> new TagChange(List.of("ok", "<script>"), null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("tag '<script>' must be 1-40 letters, digits, _ or -")
        .satisfies(
            e -> {
              InvalidInputException invalid = (InvalidInputException) e;
              assertThat(invalid.messageKey()).isEqualTo("problem.tags.form");
              assertThat(invalid.messageArguments()).containsExactly("<script>");
            });
    assertThatThrownBy(() -> new TagChange(null, List.of("two words")))
        .hasMessageContaining("tag 'two words'");
    assertThatThrownBy(() -> new TagChange(Arrays.asList("a", null), null))
        .hasMessageContaining("tag 'null'");
    assertThatThrownBy(() -> new TagChange(List.of("x".repeat(41)), null))
        .hasMessageContaining("must be 1-40");
  }

  @Test
  void aChangeNamesAtLeastOneTagAndNoneBothWays() {
    assertThatThrownBy(() -> new TagChange(List.of(), null))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).messageKey())
        .isEqualTo("problem.tags.nothing");
    assertThatThrownBy(() -> new TagChange(List.of("Refund"), List.of("refund")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("tag 'refund' is both added and removed");
  }

  @Test
  void appliedKeepsTheTicketsOrderAndAppendsWhatIsNew() {
    TagChange change = new TagChange(List.of("refund", "vip"), List.of("spam", "unknown"));
    assertThat(change.applyTo(List.of("robot", "spam", "vip")))
        .containsExactly("robot", "vip", "refund");
  }

  @Test
  void aTicketKeepsAtMostTwentyTags() {
    List<String> nineteen = new ArrayList<>(IntStream.range(0, 19).mapToObj(i -> "t" + i).toList());
    assertThat(new TagChange(List.of("one-more"), null).applyTo(nineteen)).hasSize(20);
    nineteen.add("t19");
    assertThatThrownBy(() -> new TagChange(List.of("one-more"), null).applyTo(nineteen))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("at most 20 tags are allowed, got 21");
    // Swapping one for another at the limit is fine.
    assertThat(new TagChange(List.of("one-more"), List.of("t0")).applyTo(nineteen)).hasSize(20);
  }
}
