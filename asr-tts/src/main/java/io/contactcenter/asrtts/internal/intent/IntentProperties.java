package io.contactcenter.asrtts.internal.intent;

import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the reply-intent classifier, under {@code cc.asrtts.intents}. Validates itself
 * (the module has no Bean Validation provider), so a bad value stops the application at start-up
 * with the key in the message.
 *
 * @param unknownBelow a reply whose best label is less probable than this is labelled {@code
 *     unknown}; 0 to 1, default 0.5
 * @param trainingFile optional extra training rows (same TSV as {@code intents/training.tsv} on the
 *     classpath), added to the built-in ones and re-read whenever the file's modification time
 *     changes; default none
 * @param timeZone the zone relative times are read in when a request carries no {@code now};
 *     default Asia/Shanghai
 */
@ConfigurationProperties("cc.asrtts.intents")
public record IntentProperties(
    @DefaultValue("0.5") double unknownBelow,
    Path trainingFile,
    @DefaultValue("Asia/Shanghai") ZoneId timeZone) {

  public IntentProperties {
    if (!(unknownBelow >= 0.0 && unknownBelow <= 1.0)) {
      throw new IllegalArgumentException(
          "cc.asrtts.intents.unknown-below must be between 0 and 1, was " + unknownBelow);
    }
    if (timeZone == null) {
      timeZone = ZoneId.of("Asia/Shanghai");
    }
  }

  /** The defaults: threshold 0.5, no external training file, Asia/Shanghai. */
  public static IntentProperties defaults() {
    return new IntentProperties(0.5, null, null);
  }
}
