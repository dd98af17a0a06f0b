package org.laasuite.indicators.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.laasuite.indicators.v1.Comparator;
import org.laasuite.indicators.v1.FigureStatus;

class FigureTextTest {

  @ParameterizedTest(name = "''{0}'' reads as {1}")
  @CsvSource(delimiter = '|', value = {
      "9.70%|9.70",
      "92.2|92.2",
      "-0.5|-0.5",
      "£27,692|27692",
      "£ 30,225|30225",
      "£5664 (gap)|5664",
      "4 SureStart|4",
      "28.596 (Foleshill)|28.596",
      "16.9 in Priority Neighbour hoods|16.9",
      "£40 M|40000000",
      "Gap 11.5 Foleshill 28.596 England 17.12|11.5",
      "0.48|0.48"})
  void readsTheLeadingNumberAndKeepsTheText(String text, String number) {
    FigureValue f = FigureText.parse(text);
    assertEquals(0, new BigDecimal(number).compareTo(f.value()), text);
    assertEquals(FigureStatus.FIGURE_STATUS_VALUE, f.status());
    assertEquals(text, f.originalText());
  }

  @ParameterizedTest(name = "''{0}'' reads as the patterns read it")
  @CsvSource(delimiter = '|', value = {"26.8", "9.70%", "-3", "-0", "1,021", "1,234.50%", "0.48", "007", "100%",
      "1,234.", "12.5.6", "-", "%", "1-2", "12%%", "£27,692", "3% (1021)", "2004-05", "-.5", "٣"})
  void aPlainNumberReadsAsThePatternsReadIt(String text) {
    assertEquals(FigureText.read(text), FigureText.parse(text));
  }

  @Test
  void aDueYearIsReadFromBy() {
    FigureValue f = FigureText.parse("6395 by 2008");
    assertEquals(new BigDecimal("6395"), f.value());
    assertEquals(2008, f.dueYear());
  }

  @Test
  void aBracketedCountIsTheSecondaryValue() {
    FigureValue f = FigureText.parse("3% (1021)");
    assertEquals(new BigDecimal("3"), f.value());
    assertEquals(new BigDecimal("1021"), f.secondaryValue());
    assertEquals("3% (1021)", f.originalText());
  }

  @Test
  void lessThanIsAComparator() {
    FigureValue f = FigureText.parse("Less than 15 across all phases");
    assertEquals(Comparator.COMPARATOR_LESS_THAN, f.comparator());
    assertEquals(new BigDecimal("15"), f.value());
  }

  @Test
  void cumulativeTargetsAreMarked() {
    FigureValue f = FigureText.parse("100 (3 year cum)");
    assertTrue(f.cumulative());
    assertEquals(new BigDecimal("100"), f.value());
    assertNull(f.secondaryValue());
  }

  @ParameterizedTest(name = "''{0}'' has no number: {1}")
  @CsvSource(delimiter = '|', value = {
      "Monitor only|FIGURE_STATUS_MONITOR_ONLY",
      "TBA|FIGURE_STATUS_TO_BE_SET",
      "tba|FIGURE_STATUS_TO_BE_SET",
      "To be set in 2007|FIGURE_STATUS_TO_BE_SET",
      "To be set in 2007 (by end March)|FIGURE_STATUS_TO_BE_SET",
      "Awaiting GO targets, expected Summer 2007|FIGURE_STATUS_TO_BE_SET",
      "No Target|FIGURE_STATUS_NO_TARGET",
      "NA|FIGURE_STATUS_NOT_APPLICABLE",
      "N/A|FIGURE_STATUS_NOT_AVAILABLE",
      "NYQ|FIGURE_STATUS_NOT_AVAILABLE",
      "Data Available 2007|FIGURE_STATUS_NOT_AVAILABLE",
      "2 year lag|FIGURE_STATUS_NOT_AVAILABLE",
      "Survey will be held every 3 years, (2008/9 next) so no interim targets set|FIGURE_STATUS_TO_BE_SET",
      "In development|FIGURE_STATUS_TO_BE_SET"})
  void wordsWithoutANumberNeverBecomeOne(String text, FigureStatus status) {
    FigureValue f = FigureText.parse(text);
    assertFalse(f.hasValue(), text);
    assertEquals(status, f.status());
    assertEquals(text, f.originalText());
  }

  @Test
  void aDateIsNotAFigure() {
    assertFalse(FigureText.parse("2004-05").hasValue());
  }

  @Test
  void blankIsNoFigureAtAll() {
    assertNull(FigureText.parse("  "));
    assertNull(FigureText.parse(null));
  }
}
