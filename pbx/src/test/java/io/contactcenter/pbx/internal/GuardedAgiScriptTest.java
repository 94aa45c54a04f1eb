package io.contactcenter.pbx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.contactcenter.pbx.CallerHungUpException;
import io.contactcenter.pbx.ChannelFailedException;
import io.contactcenter.pbx.ChannelSession;
import io.contactcenter.pbx.spi.CallHandler;
import java.time.Duration;
import java.util.function.Consumer;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.slf4j.MDC;

class GuardedAgiScriptTest {

  private static final PbxProperties.Fallback FALLBACK =
      new PbxProperties.Fallback("sorry-youre-having-problems", "support");

  private static final MediaTransports MEDIA =
      MediaTransports.audioSocketOnly(
          new AudioSocketServer(
              new PbxProperties.AudioSocket(
                  "127.0.0.1",
                  0,
                  "127.0.0.1",
                  Duration.ofSeconds(5),
                  Duration.ofSeconds(2),
                  Duration.ofSeconds(5),
                  16)));

  private final AgiRequest request = mock(AgiRequest.class);
  private final AgiChannel channel = mock(AgiChannel.class);

  @BeforeEach
  void callerIsOnTheLine() {
    when(request.getUniqueId()).thenReturn("1.1");
  }

  private static CallHandler handler(Consumer<ChannelSession> body) {
    return new CallHandler() {
      @Override
      public String script() {
        return "test";
      }

      @Override
      public void handle(ChannelSession session) {
        body.accept(session);
      }
    };
  }

  @Test
  void aFailingHandlerPlaysTheFallbackPromptAndQueuesTheCaller() throws AgiException {
    GuardedAgiScript script =
        new GuardedAgiScript(
            handler(
                s -> {
                  throw new IllegalStateException("bug");
                }),
            FALLBACK,
            MEDIA);

    script.service(request, channel);

    InOrder order = inOrder(channel);
    order.verify(channel).streamFile("sorry-youre-having-problems");
    order.verify(channel).setVariable("CC_QUEUE", "support");
    order.verify(channel).setVariable("CC_ROUTE", "queue");
    verify(channel, never()).hangup();
  }

  @Test
  void aChannelFailureInTheHandlerAlsoRunsTheFallback() throws AgiException {
    GuardedAgiScript script =
        new GuardedAgiScript(
            handler(
                s -> {
                  throw new ChannelFailedException("play failed");
                }),
            FALLBACK,
            MEDIA);

    script.service(request, channel);

    verify(channel).streamFile("sorry-youre-having-problems");
    verify(channel).setVariable("CC_ROUTE", "queue");
  }

  @Test
  void withoutAFallbackQueueTheCallerHearsThePromptAndIsHungUp() throws AgiException {
    GuardedAgiScript script =
        new GuardedAgiScript(
            handler(
                s -> {
                  throw new IllegalStateException("bug");
                }),
            new PbxProperties.Fallback("sorry-youre-having-problems", ""),
            MEDIA);

    script.service(request, channel);

    InOrder order = inOrder(channel);
    order.verify(channel).streamFile("sorry-youre-having-problems");
    order.verify(channel).hangup();
    verify(channel, never()).setVariable(anyString(), anyString());
  }

  @Test
  void whenTheCallerHungUpNoFallbackIsPlayed() throws AgiException {
    GuardedAgiScript script =
        new GuardedAgiScript(
            handler(
                s -> {
                  throw new CallerHungUpException("1.1", null);
                }),
            FALLBACK,
            MEDIA);

    script.service(request, channel);

    verify(channel, never()).streamFile(anyString());
    verify(channel, never()).setVariable(anyString(), anyString());
    verify(channel, never()).hangup();
  }

  @Test
  void aHandlerThatCompletesGetsNoFallback() throws AgiException {
    GuardedAgiScript script =
        new GuardedAgiScript(handler(ChannelSession::answer), FALLBACK, MEDIA);

    script.service(request, channel);

    verify(channel).answer();
    verify(channel, never()).streamFile(anyString());
    verify(channel, never()).setVariable(anyString(), anyString());
  }

  @Test
  void theHandlerSeesTheCallIdOfTheRequest() {
    String[] seen = new String[1];
    GuardedAgiScript script =
        new GuardedAgiScript(handler(s -> seen[0] = s.callId()), FALLBACK, MEDIA);

    script.service(request, channel);

    assertThat(seen[0]).isEqualTo("1.1");
  }

  @Test
  void theCallIdIsInTheLogContextOnlyWhileTheHandlerRuns() {
    String[] seen = new String[1];
    GuardedAgiScript script =
        new GuardedAgiScript(handler(s -> seen[0] = MDC.get("callId")), FALLBACK, MEDIA);

    script.service(request, channel);

    assertThat(seen[0]).isEqualTo("1.1");
    assertThat(MDC.get("callId")).isNull();
  }

  @Test
  void aCallerHangingUpDuringTheFallbackIsNotAnError() throws AgiException {
    doThrow(new AgiHangupException()).when(channel).streamFile(anyString());
    GuardedAgiScript script =
        new GuardedAgiScript(
            handler(
                s -> {
                  throw new IllegalStateException("bug");
                }),
            FALLBACK,
            MEDIA);

    assertThatNoException().isThrownBy(() -> script.service(request, channel));
    verify(channel, never()).setVariable(anyString(), anyString());
  }

  @Test
  void aFallbackThatFailsTooDoesNotEscapeTheScript() throws AgiException {
    doThrow(new AgiException("socket closed")).when(channel).streamFile(anyString());
    GuardedAgiScript script =
        new GuardedAgiScript(
            handler(
                s -> {
                  throw new IllegalStateException("bug");
                }),
            FALLBACK,
            MEDIA);

    assertThatNoException().isThrownBy(() -> script.service(request, channel));
  }

  @Test
  void aHandlerThatNeverTouchesTheChannelLeavesItAlone() {
    GuardedAgiScript script = new GuardedAgiScript(handler(s -> {}), FALLBACK, MEDIA);

    script.service(request, channel);

    verifyNoInteractions(channel);
  }
}
