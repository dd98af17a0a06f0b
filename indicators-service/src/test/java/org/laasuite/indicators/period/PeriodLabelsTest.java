package org.laasuite.indicators.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.laasuite.indicators.v1.PeriodType;

class PeriodLabelsTest {

  @ParameterizedTest(name = "''{0}'' is {1}")
  @CsvSource(delimiter = '|', value = {
      "Academic Year 02/03|ay-2002-03|PERIOD_TYPE_ACADEMIC_YEAR|2002-09-01|2003-08-31",
      "Academic Year 2004-5|ay-2004-05|PERIOD_TYPE_ACADEMIC_YEAR|2004-09-01|2005-08-31",
      "Financial Year 2003- 4|fy-2003-04|PERIOD_TYPE_FINANCIAL_YEAR|2003-04-01|2004-03-31",
      "2005/06|fy-2005-06|PERIOD_TYPE_FINANCIAL_YEAR|2005-04-01|2006-03-31",
      "2004-5|fy-2004-05|PERIOD_TYPE_FINANCIAL_YEAR|2004-04-01|2005-03-31",
      "Q1 2006-07|fy-2006-07-q1|PERIOD_TYPE_QUARTER|2006-04-01|2006-06-30",
      "Q1 2006/07|fy-2006-07-q1|PERIOD_TYPE_QUARTER|2006-04-01|2006-06-30",
      "2006/07 (6 Month Update)|fy-2006-07-h1|PERIOD_TYPE_HALF_YEAR|2006-04-01|2006-09-30",
      "Apr-Sep 06 (6 mths)|fy-2006-07-h1|PERIOD_TYPE_HALF_YEAR|2006-04-01|2006-09-30",
      "Jan - Mar 2005|fy-2004-05-q4|PERIOD_TYPE_QUARTER|2005-01-01|2005-03-31",
      "Apr 2004 - Mar 2005|fy-2004-05|PERIOD_TYPE_FINANCIAL_YEAR|2004-04-01|2005-03-31",
      "Apr05- Mar 06|fy-2005-06|PERIOD_TYPE_FINANCIAL_YEAR|2005-04-01|2006-03-31",
      "APS Jan 05 to Dec 05|cy-2005|PERIOD_TYPE_CALENDAR_YEAR|2005-01-01|2005-12-31",
      "LFS March 2003 to Feb 2004|span-2003-03-to-2004-02|PERIOD_TYPE_OTHER|2003-03-01|2004-02-29",
      "Nov-03|m-2003-11|PERIOD_TYPE_MONTH|2003-11-01|2003-11-30",
      "Feb 06|m-2006-02|PERIOD_TYPE_MONTH|2006-02-01|2006-02-28",
      "2006 (March)|m-2006-03|PERIOD_TYPE_MONTH|2006-03-01|2006-03-31",
      "2003|cy-2003|PERIOD_TYPE_CALENDAR_YEAR|2003-01-01|2003-12-31",
      "2001-3|avg-2001-2003|PERIOD_TYPE_ROLLING_AVERAGE|2001-01-01|2003-12-31",
      "2001-3 (2002 mid point)|avg-2001-2003|PERIOD_TYPE_ROLLING_AVERAGE|2001-01-01|2003-12-31",
      "2002-2004|avg-2002-2004|PERIOD_TYPE_ROLLING_AVERAGE|2002-01-01|2004-12-31"})
  void readsTheLabelsOfTheSeed(String label, String code, PeriodType type, LocalDate start, LocalDate end) {
    PeriodRow p = PeriodLabels.parse(label).orElseThrow();
    assertEquals(code, p.code());
    assertEquals(type, p.type());
    assertEquals(start, p.startDate());
    assertEquals(end, p.endDate());
    assertEquals(label, p.label());
  }

  @ParameterizedTest(name = "''{0}'' gives no period")
  @CsvSource(delimiter = '|', value = {"May - August", "Data Available 2007", "NA (New Data Set)",
      "Financial Year 2002", "Q1 2006-09"})
  void aLabelItCannotReadGivesNoPeriodRatherThanAGuess(String label) {
    assertTrue(PeriodLabels.parse(label).isEmpty());
  }
}
