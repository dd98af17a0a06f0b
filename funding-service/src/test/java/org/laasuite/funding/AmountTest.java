package org.laasuite.funding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.laasuite.common.FinancialYear;
import org.laasuite.common.grpc.Violations;
import org.laasuite.funding.v1.AmountStatus;

class AmountTest {

  @Test
  void readsTheAgreementsFiguresToThePenny() {
    Violations v = new Violations();
    assertEquals(151_963_400L, AmountValue.parse("1,519,634", "f", v).pence());
    assertEquals(0L, AmountValue.parse("0", "f", v).pence());
    assertEquals(1_250L, AmountValue.parse("£12.50", "f", v).pence());
    assertTrue(v.isEmpty());
  }

  @Test
  void nyqIsNotZero() {
    AmountValue nyq = AmountValue.parse("NYQ", "f", new Violations());
    assertFalse(nyq.quantified());
    assertEquals(AmountStatus.AMOUNT_STATUS_NOT_YET_QUANTIFIED, nyq.status());
    assertEquals("NYQ", nyq.text());
  }

  @Test
  void anEmptyCellIsNoAmount() {
    assertNull(AmountValue.parse(" ", "f", new Violations()));
  }

  @Test
  void negativeAndMalformedAmountsAreViolations() {
    Violations v = new Violations();
    AmountValue.parse("-5", "capital", v);
    AmountValue.parse("12.505", "revenue", v);
    AmountValue.parse("about 3k", "revenue", v);
    assertEquals(3, v.list().size());
    assertEquals("capital", v.list().get(0).getField());
  }

  @Test
  void financialYearsRunAprilToMarch() {
    Violations v = new Violations();
    FinancialYear y = FinancialYear.parse("2007-08", "fy", v);
    assertEquals("2007-04-01", y.start().toString());
    assertEquals("2008-03-31", y.end().toString());
    assertEquals("2008-01-01", y.quarterStart(4).toString());
    assertEquals("2008-03-31", y.quarterEnd(4).toString());
    FinancialYear.parse("2007-09", "fy", v);
    FinancialYear.parse("07/08", "fy", v);
    assertEquals(2, v.list().size());
  }
}
