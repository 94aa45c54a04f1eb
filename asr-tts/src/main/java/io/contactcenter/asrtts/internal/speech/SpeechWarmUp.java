package io.contactcenter.asrtts.internal.speech;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Optionally loads the English model and starts MaryTTS on a background thread when the application
 * starts, so the first call does not wait for them.
 */
final class SpeechWarmUp implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SpeechWarmUp.class);

  private final boolean enabled;
  private final VoskModels models;
  private final MaryTtsSpeechSynthesizer synthesizer;
  private volatile boolean running;

  SpeechWarmUp(boolean enabled, VoskModels models, MaryTtsSpeechSynthesizer synthesizer) {
    this.enabled = enabled;
    this.models = models;
    this.synthesizer = synthesizer;
  }

  @Override
  public void start() {
    running = true;
    if (!enabled) {
      log.info(
          "speech engines start on first use (a few seconds each);"
              + " set cc.asrtts.speech.warm-up=true to start them at boot");
      return;
    }
    // A platform thread: it waits for the engines' start-up, partly inside a lock (see
    // PlatformThreads), and should not hold a virtual thread's carrier meanwhile.
    Thread.ofPlatform()
        .daemon(true)
        .name("speech-warm-up")
        .start(
            () -> {
              try {
                models.model(SpeechProperties.BUILT_IN_LANGUAGE);
                synthesizer.voices();
              } catch (RuntimeException e) {
                // The first call will try again and report the failure to its caller.
                log.warn("speech warm-up failed", e);
              }
            });
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
