package io.contactcenter.campaigns.internal.contacts;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * The main time zone of each region a campaign is likely to call, used when a contact has no time
 * zone of their own.
 *
 * <p>libphonenumber can map a number to its time zones only with its geocoder artifact, which this
 * build does not carry, so this table stands in for it. A country that spans several zones (US, CA,
 * BR, RU, AU, ID, MX, ...) gets the zone where most of its people live, which can put a call window
 * hours off for the rest: a contact file for such a country should give each contact a {@code
 * timezone} column.
 */
public final class RegionTimeZones {

  private static final Map<String, ZoneId> MAIN_ZONE =
      Map.ofEntries(
          // East and South-East Asia
          Map.entry("CN", ZoneId.of("Asia/Shanghai")),
          Map.entry("HK", ZoneId.of("Asia/Hong_Kong")),
          Map.entry("MO", ZoneId.of("Asia/Macau")),
          Map.entry("TW", ZoneId.of("Asia/Taipei")),
          Map.entry("SG", ZoneId.of("Asia/Singapore")),
          Map.entry("MY", ZoneId.of("Asia/Kuala_Lumpur")),
          Map.entry("JP", ZoneId.of("Asia/Tokyo")),
          Map.entry("KR", ZoneId.of("Asia/Seoul")),
          Map.entry("MN", ZoneId.of("Asia/Ulaanbaatar")),
          Map.entry("TH", ZoneId.of("Asia/Bangkok")),
          Map.entry("VN", ZoneId.of("Asia/Ho_Chi_Minh")),
          Map.entry("KH", ZoneId.of("Asia/Phnom_Penh")),
          Map.entry("LA", ZoneId.of("Asia/Vientiane")),
          Map.entry("MM", ZoneId.of("Asia/Yangon")),
          Map.entry("ID", ZoneId.of("Asia/Jakarta")),
          Map.entry("PH", ZoneId.of("Asia/Manila")),
          Map.entry("BN", ZoneId.of("Asia/Brunei")),
          // South and Central Asia, Middle East
          Map.entry("IN", ZoneId.of("Asia/Kolkata")),
          Map.entry("PK", ZoneId.of("Asia/Karachi")),
          Map.entry("BD", ZoneId.of("Asia/Dhaka")),
          Map.entry("LK", ZoneId.of("Asia/Colombo")),
          Map.entry("NP", ZoneId.of("Asia/Kathmandu")),
          Map.entry("KZ", ZoneId.of("Asia/Almaty")),
          Map.entry("UZ", ZoneId.of("Asia/Tashkent")),
          Map.entry("AE", ZoneId.of("Asia/Dubai")),
          Map.entry("SA", ZoneId.of("Asia/Riyadh")),
          Map.entry("QA", ZoneId.of("Asia/Qatar")),
          Map.entry("KW", ZoneId.of("Asia/Kuwait")),
          Map.entry("IL", ZoneId.of("Asia/Jerusalem")),
          Map.entry("TR", ZoneId.of("Europe/Istanbul")),
          // Oceania
          Map.entry("AU", ZoneId.of("Australia/Sydney")),
          Map.entry("NZ", ZoneId.of("Pacific/Auckland")),
          // Europe
          Map.entry("GB", ZoneId.of("Europe/London")),
          Map.entry("IE", ZoneId.of("Europe/Dublin")),
          Map.entry("PT", ZoneId.of("Europe/Lisbon")),
          Map.entry("ES", ZoneId.of("Europe/Madrid")),
          Map.entry("FR", ZoneId.of("Europe/Paris")),
          Map.entry("BE", ZoneId.of("Europe/Brussels")),
          Map.entry("NL", ZoneId.of("Europe/Amsterdam")),
          Map.entry("LU", ZoneId.of("Europe/Luxembourg")),
          Map.entry("DE", ZoneId.of("Europe/Berlin")),
          Map.entry("CH", ZoneId.of("Europe/Zurich")),
          Map.entry("AT", ZoneId.of("Europe/Vienna")),
          Map.entry("IT", ZoneId.of("Europe/Rome")),
          Map.entry("DK", ZoneId.of("Europe/Copenhagen")),
          Map.entry("SE", ZoneId.of("Europe/Stockholm")),
          Map.entry("NO", ZoneId.of("Europe/Oslo")),
          Map.entry("FI", ZoneId.of("Europe/Helsinki")),
          Map.entry("PL", ZoneId.of("Europe/Warsaw")),
          Map.entry("CZ", ZoneId.of("Europe/Prague")),
          Map.entry("HU", ZoneId.of("Europe/Budapest")),
          Map.entry("RO", ZoneId.of("Europe/Bucharest")),
          Map.entry("GR", ZoneId.of("Europe/Athens")),
          Map.entry("UA", ZoneId.of("Europe/Kyiv")),
          Map.entry("RU", ZoneId.of("Europe/Moscow")),
          // Africa
          Map.entry("EG", ZoneId.of("Africa/Cairo")),
          Map.entry("MA", ZoneId.of("Africa/Casablanca")),
          Map.entry("NG", ZoneId.of("Africa/Lagos")),
          Map.entry("KE", ZoneId.of("Africa/Nairobi")),
          Map.entry("ZA", ZoneId.of("Africa/Johannesburg")),
          // Americas
          Map.entry("US", ZoneId.of("America/New_York")),
          Map.entry("CA", ZoneId.of("America/Toronto")),
          Map.entry("MX", ZoneId.of("America/Mexico_City")),
          Map.entry("BR", ZoneId.of("America/Sao_Paulo")),
          Map.entry("AR", ZoneId.of("America/Argentina/Buenos_Aires")),
          Map.entry("CL", ZoneId.of("America/Santiago")),
          Map.entry("CO", ZoneId.of("America/Bogota")),
          Map.entry("PE", ZoneId.of("America/Lima")));

  private RegionTimeZones() {}

  /** The main zone of an ISO 3166 region, if the table has it. */
  public static Optional<ZoneId> mainZone(String region) {
    return Optional.ofNullable(region).map(MAIN_ZONE::get);
  }
}
