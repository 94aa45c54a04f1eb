package io.contactcenter.ivr.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the hotline IVR, under {@code cc.ivr}.
 *
 * @param hotline the main hotline flow
 */
@Validated
@ConfigurationProperties("cc.ivr")
public record IvrProperties(@Valid @NotNull @DefaultValue Hotline hotline) {

  /**
   * @param greeting sound played on answer
   * @param inputPrompt sound asking for the order number, ended by '#'
   * @param maxDigits longest input accepted
   * @param inputTimeout how long to wait for the next key
   * @param humanQueue queue for callers who enter nothing twice or press 0
   */
  public record Hotline(
      @NotBlank @DefaultValue("hello-world") String greeting,
      @NotBlank @DefaultValue("vm-enter-num-to-call") String inputPrompt,
      @NotBlank @DefaultValue("you-entered") String youEntered,
      @NotBlank @DefaultValue("goodbye") String goodbye,
      @Min(1) @Max(32) @DefaultValue("20") int maxDigits,
      @NotNull @DefaultValue("6s") Duration inputTimeout,
      @NotBlank @DefaultValue("support") String humanQueue) {}
}
