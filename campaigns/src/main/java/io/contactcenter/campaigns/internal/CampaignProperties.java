package io.contactcenter.campaigns.internal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of outbound campaigns, under {@code cc.campaigns}.
 *
 * @param nodeId this instance's name in attempt records ({@code ""}: host name and process id)
 * @param defaultRegion region for numbers written without a country code (ISO 3166, e.g. CN)
 * @param defaultZone time zone of contacts whose number's region has none on record
 * @param dialer the dialing loop every instance runs
 * @param pacing limits per trunk, shared by every instance through Redis
 * @param retry how long to wait before the next attempt, by how the last one ended
 * @param perNumberPerDay calls a number may get per local day across all campaigns
 * @param perNumberPer7Days calls a number may get per rolling 7 days across all campaigns
 * @param minWindowRemaining no call starts when its window closes sooner than this
 * @param recoveryGrace how old an unfinished attempt must be before recovery looks at it
 * @param maintenanceInterval how often the clustered Quartz job settles attempts, recovers from
 *     crashes, starts scheduled campaigns and completes finished ones
 */
@Validated
@ConfigurationProperties("cc.campaigns")
public record CampaignProperties(
    @DefaultValue("") String nodeId,
    @NotBlank @DefaultValue("CN") String defaultRegion,
    @NotBlank @DefaultValue("Asia/Shanghai") String defaultZone,
    @NotNull @DefaultValue Dialer dialer,
    @NotNull @DefaultValue Pacing pacing,
    @NotNull @DefaultValue Retry retry,
    @Min(1) @DefaultValue("3") int perNumberPerDay,
    @Min(1) @DefaultValue("10") int perNumberPer7Days,
    @NotNull @DefaultValue("2m") Duration minWindowRemaining,
    @NotNull @DefaultValue("90s") Duration recoveryGrace,
    @NotNull @DefaultValue("5s") Duration maintenanceInterval) {

  /**
   * @param enabled whether this instance dials (an instance may serve only the console)
   * @param tick how often it looks for due contacts
   * @param batch contacts it claims per campaign per tick at most
   */
  public record Dialer(
      @DefaultValue("true") boolean enabled,
      @NotNull @DefaultValue("500ms") Duration tick,
      @Min(1) @Max(500) @DefaultValue("50") int batch) {}

  /**
   * Retry spacing (the least time from an attempt's end to the next dial); the number of attempts
   * is each campaign's own.
   *
   * @param maxCallbacks call-back requests honoured per contact
   * @param callback after a call-back request that named no usable time
   */
  public record Retry(
      @Min(0) @DefaultValue("2") int maxCallbacks,
      @NotNull @DefaultValue("2h") Duration noAnswer,
      @NotNull @DefaultValue("15m") Duration busy,
      @NotNull @DefaultValue("30m") Duration failed,
      @NotNull @DefaultValue("4h") Duration voicemail,
      @NotNull @DefaultValue("1h") Duration hungUp,
      @NotNull @DefaultValue("2h") Duration noResponse,
      @NotNull @DefaultValue("1h") Duration callback) {}

  /**
   * @param trunkMaxConcurrent calls in flight on the robot's trunk, all campaigns together
   * @param trunkMaxPerSecond call attempts started per second on the trunk
   * @param lease how long an in-flight slot is held if its attempt is never settled (a crash)
   */
  public record Pacing(
      @Min(1) @DefaultValue("30") int trunkMaxConcurrent,
      @DecimalMin("0.01") @DecimalMax("1000") @DefaultValue("30") double trunkMaxPerSecond,
      @NotNull @DefaultValue("15m") Duration lease) {}
}
