package io.contactcenter.campaigns.internal.contacts;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * How to read one contact file.
 *
 * @param defaultRegion ISO 3166 region (e.g. {@code CN}) that numbers written without a country
 *     code belong to; must be a region libphonenumber knows
 * @param defaultZone the time zone of a contact whose region has no entry in the time-zone table
 *     and who has no time-zone column of their own
 * @param progressBytes called on the reading thread after every 10,000th data row and once at the
 *     end, with the bytes read from the stream so far (including read-ahead buffers of up to about
 *     72 KiB); never null, a no-op when not wanted
 */
public record ImportOptions(String defaultRegion, ZoneId defaultZone, LongConsumer progressBytes) {

  public ImportOptions {
    Objects.requireNonNull(defaultRegion, "defaultRegion");
    Objects.requireNonNull(defaultZone, "defaultZone");
    defaultRegion = defaultRegion.strip().toUpperCase(Locale.ROOT);
    if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(defaultRegion)) {
      throw new IllegalArgumentException(
          "default region '" + defaultRegion + "' is not an ISO 3166 region with a numbering plan");
    }
    progressBytes = progressBytes == null ? bytes -> {} : progressBytes;
  }

  /** Options without progress reports. */
  public static ImportOptions of(String defaultRegion, ZoneId defaultZone) {
    return new ImportOptions(defaultRegion, defaultZone, null);
  }

  /** The same options, reporting progress to {@code progressBytes}. */
  public ImportOptions withProgress(LongConsumer progressBytes) {
    return new ImportOptions(defaultRegion, defaultZone, progressBytes);
  }
}
