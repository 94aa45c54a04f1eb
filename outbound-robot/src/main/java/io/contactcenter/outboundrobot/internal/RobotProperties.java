package io.contactcenter.outboundrobot.internal;

import io.contactcenter.outboundrobot.internal.domain.AnsweringMachineDetector;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the outbound robot, under {@code cc.outboundrobot}.
 *
 * @param trunk the trunk robot calls go out on ({@code cc.pbx.originate.trunks} must list it)
 * @param callerId the number shown to callees
 * @param ringTimeout how long a robot call rings
 * @param voice the MaryTTS voice (empty: the speech module's default)
 * @param minSpeechConfidence recognizer confidence below which a reply counts as not understood
 * @param zone the callees' time zone: "tomorrow at ten" is 10:00 there (unset: the JVM's zone)
 * @param answeringMachine how a voicemail greeting is told from a person
 */
@Validated
@ConfigurationProperties("cc.outboundrobot")
public record RobotProperties(
    @NotBlank @DefaultValue("trunk-test") String trunk,
    @DefaultValue("4000") String callerId,
    @NotNull @DefaultValue("30s") Duration ringTimeout,
    @DefaultValue("") String voice,
    @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.3") double minSpeechConfidence,
    ZoneId zone,
    @Valid @DefaultValue AnsweringMachine answeringMachine) {

  public RobotProperties {
    zone = zone == null ? ZoneId.systemDefault() : zone;
  }

  /**
   * Answering-machine detection during the opening disclosure (see {@link
   * AnsweringMachineDetector}).
   *
   * @param enabled whether to listen for a machine at all
   * @param continuousSpeech speech without a pause at least this long means a machine
   * @param pause silence at least this long ends a stretch of speech
   * @param speechLevel frame level in dBFS above which a frame counts as speech
   */
  public record AnsweringMachine(
      @DefaultValue("true") boolean enabled,
      @NotNull @DefaultValue("3500ms") Duration continuousSpeech,
      @NotNull @DefaultValue("800ms") Duration pause,
      @DecimalMin("-95") @DecimalMax("-1") @DefaultValue("-42") double speechLevel) {

    AnsweringMachineDetector.Settings settings() {
      return new AnsweringMachineDetector.Settings(continuousSpeech, pause, speechLevel);
    }
  }
}
