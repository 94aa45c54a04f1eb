package io.contactcenter.asrtts.internal.speech;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires Vosk and MaryTTS. Both engines start on first use (each logs its few seconds of start-up),
 * so the application starts fast; {@code cc.asrtts.speech.warm-up=true} starts them in the
 * background at start-up instead.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SpeechProperties.class)
class SpeechConfiguration {

  @Bean(destroyMethod = "close")
  VoskModels voskModels(SpeechProperties properties) {
    return new VoskModels(properties, SpeechConfiguration.class.getClassLoader());
  }

  @Bean
  VoskSpeechRecognizer speechRecognizer(VoskModels models, SpeechProperties properties) {
    return new VoskSpeechRecognizer(models, properties);
  }

  /**
   * {@code cc.asrtts.recognizers.open}: recognition streams not yet closed. It returns to its
   * earlier value when calls end, whatever way they end; one that keeps climbing leaks native
   * memory.
   */
  @Bean
  MeterBinder speechRecognizerMetrics(VoskSpeechRecognizer recognizer) {
    return registry ->
        Gauge.builder("cc.asrtts.recognizers.open", recognizer, r -> r.openStreams())
            .description("Speech recognition streams open (each may hold a native recognizer)")
            .register(registry);
  }

  @Bean
  MaryTtsSpeechSynthesizer speechSynthesizer(SpeechProperties properties) {
    return new MaryTtsSpeechSynthesizer(
        properties.ttsCacheDir(),
        properties.defaultVoice(),
        properties.ttsMemoryCacheEntries(),
        properties.ttsEngines(),
        properties.chineseVoice(),
        new EspeakNgVoice("espeak-ng"));
  }

  @Bean
  SpeechWarmUp speechWarmUp(
      SpeechProperties properties, VoskModels models, MaryTtsSpeechSynthesizer synthesizer) {
    return new SpeechWarmUp(properties.warmUp(), models, synthesizer);
  }
}
