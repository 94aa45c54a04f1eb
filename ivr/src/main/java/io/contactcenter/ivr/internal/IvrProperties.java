package io.contactcenter.ivr.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the hotline IVR, under {@code cc.ivr}.
 *
 * @param hotline the hotline's flow and timings
 * @param orders where order data comes from
 */
@Validated
@ConfigurationProperties("cc.ivr")
public record IvrProperties(
    @Valid @NotNull @DefaultValue Hotline hotline, @Valid @NotNull @DefaultValue Orders orders) {

  /**
   * @param flow the id of the flow callers of the {@code hotline} script run (its active version)
   * @param language the callers' language, {@code zh} or {@code en}; empty means the flow's own
   * @param inputTimeout how long a question waits for the next key
   * @param repeatWindow a caller whose previous IVR session started within this window skips the
   *     menu to the flow's repeat-caller node (an agent)
   * @param transport {@code keys} (Asterisk sounds, answers by key) or {@code speech} (prompts
   *     synthesized from the flow's texts, answers by key and by speech at once, over live media)
   * @param readBackMinYesShare on the speech transport, the share (0 to 1) of the recognizer's
   *     alternative transcripts of a spoken answer to a number's read-back that must read as a yes
   *     for the yes to count; a yes heard less surely is asked again by keys. 0 takes every yes as
   *     heard. The default was chosen on the tune part of the noisy-reply benchmark (ADR 0050
   *     addendum)
   * @param readBackUnsureAlone on the speech transport, yes-phrases that do not count as a yes to a
   *     read-back when they are all that was heard, however surely (asked again by keys): "that's
   *     not right" is heard as "right" alone, with every alternative the same. Empty: none. The
   *     default was chosen on the tune part of the noisy-reply benchmark (ADR 0050 second addendum)
   * @param earlyEndOfAnswer on the speech transport, the pause after a spoken answer that is
   *     already complete (a whole phrase of the question that no longer phrase begins with, or a
   *     number of the most digits) that ends it, instead of the recognizer's trailing silence
   *     ({@code cc.asrtts.speech.trailing-silence}); 0 turns it off (ADR 0056)
   * @param promptInParts on the speech transport, whether a prompt starts with its first part while
   *     the rest is synthesized (ADR 0056); {@code false} synthesizes each prompt whole before it
   *     starts (the benchmark's A/B switch)
   * @param numberPause on the speech transport, how long a spoken number that is still shorter than
   *     the node's fewest digits (an order number's {@code min-digits}) is listened to for the rest
   *     after the recognizer ended its utterance (callers say numbers in groups); its next group
   *     joins it. 0 ends every number with its utterance (ADR 0056 second addendum)
   * @param earlyEndOfKnownNumber on the speech transport, whether a spoken order number of at least
   *     the node's fewest digits that the order data knows to be whole (an order with exactly these
   *     digits, and none longer that begins with them) ends after {@code earlyEndOfAnswer} instead
   *     of the recognizer's trailing silence, as a number of the most digits does (ADR 0062)
   */
  public record Hotline(
      @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}") @DefaultValue("hotline") String flow,
      @Pattern(regexp = "|en|zh") @DefaultValue("") String language,
      @NotNull @DefaultValue("6s") Duration inputTimeout,
      @NotNull @DefaultValue("24h") Duration repeatWindow,
      @Pattern(regexp = "keys|speech") @DefaultValue("keys") String transport,
      @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.95") double readBackMinYesShare,
      @NotNull @DefaultValue("right") List<String> readBackUnsureAlone,
      @NotNull @DefaultValue("300ms") Duration earlyEndOfAnswer,
      @DefaultValue("true") boolean promptInParts,
      @NotNull @DefaultValue("1500ms") Duration numberPause,
      @DefaultValue("true") boolean earlyEndOfKnownNumber) {}

  /**
   * @param provider {@code table} (the default: a table fed by order events on Kafka) or {@code
   *     http} (a shop's order API)
   * @param eventsTopic the topic of the platform's order events
   * @param eventsEnabled whether the IVR consumes order events
   * @param demoData whether a demo data set of orders is loaded at start (for scripts/run.sh)
   * @param http the HTTP adapter's settings
   */
  public record Orders(
      @Pattern(regexp = "table|http") @DefaultValue("table") String provider,
      @NotNull @DefaultValue("cc.orders.v1") String eventsTopic,
      @DefaultValue("true") boolean eventsEnabled,
      @DefaultValue("false") boolean demoData,
      @Valid @NotNull @DefaultValue Http http) {}

  /**
   * @param baseUrl the order API; {@code GET <baseUrl>/orders/<number>} answers JSON
   * @param timeout how long one request may take
   * @param failureThreshold failed requests in a row that open the circuit
   * @param openFor how long an open circuit refuses requests before trying one again
   */
  public record Http(
      @DefaultValue("http://localhost:8081/api") String baseUrl,
      @NotNull @DefaultValue("1s") Duration timeout,
      @DefaultValue("5") int failureThreshold,
      @NotNull @DefaultValue("30s") Duration openFor) {}
}
