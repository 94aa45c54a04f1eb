package io.contactcenter.pbx.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the Asterisk edge, under {@code cc.pbx}. Every key and default is listed in
 * docs/configuration.md.
 */
@Validated
@ConfigurationProperties("cc.pbx")
public record PbxProperties(
    @Valid @NotNull @DefaultValue Ami ami,
    @Valid @NotNull @DefaultValue FastAgi fastagi,
    @Valid @NotNull @DefaultValue Originate originate,
    @Valid @NotNull @DefaultValue Fallback fallback,
    @Valid @NotNull @DefaultValue AudioSocket audiosocket,
    @Valid @NotNull @DefaultValue Recordings recordings,
    @Valid @NotNull @DefaultValue Media media,
    @Valid @NotNull @DefaultValue Softphones softphones) {

  /**
   * The agents' browser softphones (ADR 0013): the application writes their PJSIP endpoints with
   * fresh passwords to a file pjsip.conf includes and has Asterisk reload res_pjsip over AMI.
   *
   * @param configFile {@code pjsip_softphones.conf} in Asterisk's configuration directory, as this
   *     server sees it (a shared volume in compose)
   * @param websocketUrl Asterisk's WebSocket SIP transport as the agent's browser reaches it
   *     (http.conf, path {@code /ws}); also allowed in the pages' Content-Security-Policy
   * @param domain the host part of the softphones' SIP URIs
   * @param credentialTtl how long issued credentials work: about a shift; the page asks for new
   *     ones when they are refused
   */
  public record Softphones(
      @NotNull @DefaultValue("./data/asterisk/etc/pjsip_softphones.conf")
          java.nio.file.Path configFile,
      @NotNull @DefaultValue("ws://127.0.0.1:8088/ws") java.net.URI websocketUrl,
      @NotBlank @Pattern(regexp = "[A-Za-z0-9.-]{1,253}") @DefaultValue("cc.local") String domain,
      @NotNull @DurationMin(minutes = 1) @DefaultValue("12h") Duration credentialTtl) {}

  /**
   * How live call media ({@code ChannelSession.openMedia()}) reaches the application.
   *
   * @param transport {@code audiosocket} (default) or {@code sip}; with the SIP endpoint enabled
   *     the channel variable {@code CC_MEDIA_TRANSPORT} may choose another per call
   */
  public record Media(
      @NotNull @DefaultValue("audiosocket") MediaTransport transport,
      @Valid @NotNull @DefaultValue SipMedia sip) {

    /** Whether the SIP media endpoint runs: it is the transport, or it was enabled explicitly. */
    public boolean sipEnabled() {
      return transport == MediaTransport.SIP || sip.enabled();
    }
  }

  /**
   * The SIP media endpoint Asterisk dials to connect a call's media over RTP (G.711 µ-law).
   *
   * @param enabled run the endpoint even though the default transport is AudioSocket, so the
   *     dialplan can choose SIP per call; implied by {@code transport: sip}
   * @param bindAddress loopback by default: the endpoint is unauthenticated apart from the random
   *     id in each Request-URI; RTP sockets bind here too
   * @param port UDP port for SIP; 0 (default) for an ephemeral one, passed to Asterisk in each dial
   *     string, so Asterisk needs no configuration either way
   * @param advertisedHost the address Asterisk sends SIP and RTP to (it goes into the dial string
   *     and the SDP)
   * @param answerTimeout how long {@code openMedia()} waits for Asterisk's INVITE to be answered
   * @param inboundBuffer how much caller audio is kept for a consumer that falls behind (10 s: a
   *     recognizer stalled by a busy CPU catches up on the caller's words instead of hearing them
   *     cut)
   */
  public record SipMedia(
      @DefaultValue("false") boolean enabled,
      @NotBlank @DefaultValue("127.0.0.1") String bindAddress,
      @Min(0) @Max(65535) @DefaultValue("0") int port,
      @NotBlank @Pattern(regexp = "[A-Za-z0-9.-]{1,253}") @DefaultValue("127.0.0.1")
          String advertisedHost,
      @NotNull @DefaultValue("5s") Duration answerTimeout,
      @NotNull @DefaultValue("10s") Duration inboundBuffer) {}

  /**
   * Call recordings written by Asterisk's MixMonitor ({@code ${UNIQUEID}.wav}).
   *
   * @param dir Asterisk's monitor spool as this server sees it (shared volume in compose)
   */
  public record Recordings(
      @NotNull @DefaultValue("./data/asterisk/spool/monitor") java.nio.file.Path dir) {}

  /**
   * The AMI connection.
   *
   * @param enabled false to run without Asterisk at all (the health shows ami as unknown)
   * @param password no default: set {@code CC_AMI_SECRET}
   * @param initialBackoff first wait after a failed connect; doubles up to {@code maxBackoff}
   * @param authFailureRetry wait after Asterisk rejected the credentials: long, so a wrong secret
   *     does not hammer Asterisk (and its fail2ban) with logins
   */
  public record Ami(
      @DefaultValue("true") boolean enabled,
      @NotBlank @DefaultValue("127.0.0.1") String host,
      @Min(1) @Max(65535) @DefaultValue("5038") int port,
      @NotBlank @DefaultValue("cc-app") String username,
      @NotBlank String password,
      @NotNull @DefaultValue("1s") Duration initialBackoff,
      @NotNull @DefaultValue("30s") Duration maxBackoff,
      @NotNull @DefaultValue("5m") Duration authFailureRetry,
      @NotNull @DefaultValue("10s") Duration actionTimeout) {}

  /**
   * The FastAGI server Asterisk hands calls to.
   *
   * @param bindAddress loopback by default: AGI is unauthenticated, expose it only to Asterisk
   * @param maxConcurrentCalls calls beyond this are refused (Asterisk then runs the fallback)
   * @param requestTimeout a connection that has not sent its whole AGI request by then is closed,
   *     freeing its place in the call pool
   * @param maxPendingPerPeer connections one address may have open before their AGI request is
   *     complete; more are closed at once, so idle sockets cannot fill the call pool
   */
  public record FastAgi(
      @DefaultValue("true") boolean enabled,
      @NotBlank @DefaultValue("127.0.0.1") String bindAddress,
      @Min(1) @Max(65535) @DefaultValue("4573") int port,
      @Min(1) @DefaultValue("500") int maxConcurrentCalls,
      // A socket timeout is whole milliseconds, 0 means none, and it must fit an int.
      @NotNull @DurationMin(millis = 1) @DurationMax(days = 24) @DefaultValue("5s")
          Duration requestTimeout,
      @Min(1) @DefaultValue("16") int maxPendingPerPeer) {}

  /**
   * Outbound calls.
   *
   * @param trunks the PJSIP endpoints calls may be placed on; no other name reaches a dial string
   */
  public record Originate(
      @NotNull @DefaultValue("45s") Duration defaultTimeout,
      @NotEmpty @DefaultValue("trunk-test")
          List<@Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,39}") String> trunks) {}

  /**
   * What a caller hears when a handler fails: a prompt, then a human queue.
   *
   * @param prompt an Asterisk sound name
   * @param queue the queue to put the caller in after the prompt (empty: hang up)
   */
  public record Fallback(
      @NotBlank @DefaultValue("sorry-youre-having-problems") String prompt,
      @DefaultValue("support") String queue) {}

  /**
   * The AudioSocket server that carries live call audio ({@code ChannelSession.openMedia()}).
   *
   * @param bindAddress loopback by default: the stream is unauthenticated apart from its random
   *     UUID, expose it only to Asterisk
   * @param port 0 (default) for an ephemeral port; Asterisk learns the bound port from each {@code
   *     AudioSocket()} call, so it needs no configuration either way
   * @param advertisedHost the host name or address Asterisk connects to (a bracketed IPv6 address
   *     works too)
   * @param connectTimeout how long {@code openMedia()} waits for Asterisk's connection
   * @param inboundBuffer how much caller audio is kept for a consumer that falls behind; older
   *     audio is dropped (10 s: a recognizer stalled by a busy CPU catches up on the caller's words
   *     instead of hearing them cut)
   * @param handshakeTimeout a connection that has not sent its UUID by then is closed
   * @param maxPendingPerPeer connections one address may have open before they sent their UUID;
   *     more are closed at once
   */
  public record AudioSocket(
      @NotBlank @DefaultValue("127.0.0.1") String bindAddress,
      @Min(0) @Max(65535) @DefaultValue("0") int port,
      @NotBlank
          @Pattern(regexp = "[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\]")
          @DefaultValue("127.0.0.1")
          String advertisedHost,
      @NotNull @DefaultValue("5s") Duration connectTimeout,
      @NotNull @DefaultValue("10s") Duration inboundBuffer,
      @NotNull @DurationMin(millis = 1) @DurationMax(days = 24) @DefaultValue("5s")
          Duration handshakeTimeout,
      @Min(1) @DefaultValue("16") int maxPendingPerPeer) {}
}
