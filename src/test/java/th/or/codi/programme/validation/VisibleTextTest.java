package th.or.codi.programme.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A text that shows nothing is empty; a minimum length counts what shows, Thai marks included. */
class VisibleTextTest {

  /** Every character the security review named, and the spaces. */
  static final String INVISIBLE =
      "\u200B\u200C\u200D\u2060\uFEFF\u200E\u200F\u202A\u202B\u202C\u202D\u202E"
          + "\u2066\u2067\u2068\u2069\u00AD \t\r\n\u00A0\u3000\u2007\u202F\u034F\u3164\u2800\uFE0F\u180E";

  @Test
  void eachInvisibleCharacterIsInvisible() {
    INVISIBLE
        .codePoints()
        .forEach(cp -> assertThat(VisibleText.isVisible(cp)).as("U+%04X", cp).isFalse());
    assertThat(VisibleText.isBlank(INVISIBLE)).isTrue();
    assertThat(VisibleText.length(INVISIBLE)).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "\u200B",
        "\uFEFF\u200B\u00A0",
        "\u3000\u3000",
        "\u202E\u2066\u2069",
        "\u00AD"
      })
  void aTextOfOnlyInvisibleCharactersIsBlank(String text) {
    assertThat(VisibleText.isBlank(text)).isTrue();
    assertThat(SubmissionValidator.isEmpty(text)).isTrue();
  }

  @Test
  void nullAndEmptyListsAreEmptyAVisibleCharacterIsNot() {
    assertThat(VisibleText.isBlank(null)).isTrue();
    assertThat(SubmissionValidator.isEmpty(null)).isTrue();
    assertThat(SubmissionValidator.isEmpty(List.of())).isTrue();
    assertThat(SubmissionValidator.isEmpty("\u200Bก\u200B")).isFalse();
    assertThat(SubmissionValidator.isEmpty("-")).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // Thai vowels above and below and tone marks are characters a person sees
        "ที่|3",
        "น้ำ|3",
        "กรุณา|5",
        "ศาลาประชาคมจังหวัด|18",
        "ก่ี|3",
        "์|1",
        "abc|3",
        "  abc  |3",
        "a b|3",
        "a     b|3",
        "a\u00A0\u3000b|3",
        "\u200Ba\u200Bb\u200Bc\u200B|3",
        "\uFEFFวัด\u200D|3",
        "a\u00ADb|2",
        "\u202Eabc\u202C|3"
      })
  void theLengthCountsWhatShows(String text, int length) {
    assertThat(VisibleText.length(text)).as(text).isEqualTo(length);
  }

  @Test
  void aRequiredFieldOfInvisibleCharactersIsRequiredAndAMinimumCountsVisibleCharacters()
      throws IOException {
    List<FieldError> errors =
        BusinessRulesTest.check(
            "understanding-forum-plan",
            "venue",
            "\u200B\u200C\u200D\u2060\uFEFF\u00A0\u3000",
            "agenda",
            "ab\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B");
    assertThat(errors).extracting(FieldError::field).containsExactly("venue", "agenda");
    assertThat(errors.get(0).en()).contains("is required");
    assertThat(errors.get(1).en()).contains("at least 10");
    assertThat(
            BusinessRulesTest.check(
                "understanding-forum-plan", "venue", "วัด", "agenda", "ประชุมที่วัดนะ"))
        .as("Thai with its marks reaches the minimum")
        .isEmpty();
  }
}
