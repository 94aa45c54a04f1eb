package io.contactcenter.outboundrobot.internal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
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
 */
@Validated
@ConfigurationProperties("cc.outboundrobot")
public record RobotProperties(
    @NotBlank @DefaultValue("trunk-test") String trunk,
    @DefaultValue("4000") String callerId,
    @NotNull @DefaultValue("30s") Duration ringTimeout,
    @DefaultValue("") String voice,
    @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.3") double minSpeechConfidence) {}
