package io.contactcenter.campaigns.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.common.Worded;
import io.contactcenter.common.Wording;
import org.junit.jupiter.api.Test;

class JsonWordingTest {

  private final JsonWording json = new JsonWording(new ObjectMapper());

  @Test
  void aRowsReasonKeepsItsKeyEnglishAndNestedArgumentsThroughTheDatabaseColumn() {
    Wording number = new Wording("problem.contact-number.too-short-in", "has too few digits", "CN");
    Wording row =
        new Wording(
            "problem.contact-row",
            "row 7: phone '1380' has too few digits",
            "7",
            new Wording(
                "problem.contact-row.phone-refused", "phone '1380' ...", "phone", "1380", number));

    Worded read = json.fromJson(json.toJson(row));

    assertThat(read.messageKey()).isEqualTo("problem.contact-row");
    assertThat(read.english()).isEqualTo("row 7: phone '1380' has too few digits");
    Object[] args = read.messageArguments();
    assertThat(args[0]).isEqualTo("7");
    Worded phone = (Worded) args[1];
    assertThat(phone.messageKey()).isEqualTo("problem.contact-row.phone-refused");
    assertThat(phone.messageArguments()[1]).isEqualTo("1380");
    Worded nested = (Worded) phone.messageArguments()[2];
    assertThat(nested.messageKey()).isEqualTo("problem.contact-number.too-short-in");
    assertThat(nested.messageArguments()).containsExactly("CN");
  }

  @Test
  void noWordingIsAnEmptyColumn() {
    assertThat(json.toJson(null)).isNull();
    assertThat(json.fromJson(null)).isNull();
  }
}
