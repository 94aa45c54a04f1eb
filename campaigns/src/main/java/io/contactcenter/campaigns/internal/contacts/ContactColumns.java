package io.contactcenter.campaigns.internal.contacts;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each column of a contact file holds, from its header row. Headers are matched after
 * trimming, case-folding, NFKC (full-width letters) and treating spaces and dashes as underscores,
 * so {@code Phone Number} and {@code PHONE-NUMBER} both name the phone column. When two columns
 * could be the phone (say 手机 and 电话), the first one is the phone and the other a variable; the same
 * holds for the name and time-zone columns. Columns without a header are ignored.
 */
record ContactColumns(
    List<String> headers, int phone, int name, int timeZone, List<Integer> variables) {

  static final List<String> PHONE_NAMES =
      List.of(
          "phone",
          "mobile",
          "phone_number",
          "tel",
          "telephone",
          "手机",
          "手机号",
          "手机号码",
          "电话",
          "电话号码",
          "联系电话");
  static final List<String> NAME_NAMES =
      List.of("name", "customer", "customer_name", "姓名", "客户", "客户姓名");
  static final List<String> TIME_ZONE_NAMES = List.of("timezone", "time_zone", "tz", "时区");

  static final int ABSENT = -1;

  ContactColumns {
    headers = List.copyOf(headers);
    variables = List.copyOf(variables);
  }

  /**
   * @param cells the header row as written
   * @throws ContactFileRejectedException when there is no phone column or a header repeats
   */
  static ContactColumns of(List<String> cells) {
    List<String> headers = cells.stream().map(CellText::clean).toList();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      String header = headers.get(i);
      Integer earlier = header.isEmpty() ? null : seen.putIfAbsent(header, i);
      if (earlier != null) {
        throw new ContactFileRejectedException(
            "problem.contact-file.column-twice",
            "column '%s' appears twice, as columns %d and %d; each column needs its own header"
                .formatted(header, earlier + 1, i + 1),
            header,
            String.valueOf(earlier + 1),
            String.valueOf(i + 1));
      }
    }
    int phone = find(headers, PHONE_NAMES);
    if (phone == ABSENT) {
      String found = String.join(", ", headers.stream().filter(h -> !h.isEmpty()).toList());
      throw new ContactFileRejectedException(
          "problem.contact-file.no-phone-column",
          "no phone column: expected one of %s; found %s"
              .formatted(String.join(", ", PHONE_NAMES), found),
          String.join(", ", PHONE_NAMES),
          found);
    }
    int name = find(headers, NAME_NAMES);
    int timeZone = find(headers, TIME_ZONE_NAMES);
    List<Integer> variables = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      if (i != phone && i != name && i != timeZone && !headers.get(i).isEmpty()) {
        variables.add(i);
      }
    }
    return new ContactColumns(headers, phone, name, timeZone, variables);
  }

  int count() {
    return headers.size();
  }

  /** The column as the uploader knows it: its header, or its position when it has none. */
  String label(int column) {
    if (column >= 0 && column < headers.size() && !headers.get(column).isEmpty()) {
      return headers.get(column);
    }
    return "column " + (column + 1);
  }

  private static int find(List<String> headers, List<String> names) {
    for (int i = 0; i < headers.size(); i++) {
      if (names.contains(key(headers.get(i)))) {
        return i;
      }
    }
    return ABSENT;
  }

  private static String key(String header) {
    return Normalizer.normalize(header, Normalizer.Form.NFKC)
        .strip()
        .toLowerCase(Locale.ROOT)
        .replaceAll("[\\s\\-]+", "_");
  }
}
