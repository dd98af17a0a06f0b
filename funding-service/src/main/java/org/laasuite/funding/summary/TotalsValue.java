package org.laasuite.funding.summary;

import org.laasuite.funding.stream.AllocationRow;

/** Capital and revenue in pence, and how many lines are not yet quantified: a subtotal or total of Annex 3. */
public record TotalsValue(long capitalPence, long revenuePence, int unquantifiedLines) {

  public static final TotalsValue ZERO = new TotalsValue(0, 0, 0);

  public long totalPence() {
    return capitalPence + revenuePence;
  }

  /** These totals with allocation {@code a}'s line added. */
  public TotalsValue plus(AllocationRow a) {
    return new TotalsValue(capitalPence + (a.capitalPence() == null ? 0 : a.capitalPence()),
        revenuePence + (a.revenuePence() == null ? 0 : a.revenuePence()),
        unquantifiedLines + (a.hasUnquantified() ? 1 : 0));
  }

  public TotalsValue plus(TotalsValue t) {
    return new TotalsValue(capitalPence + t.capitalPence, revenuePence + t.revenuePence,
        unquantifiedLines + t.unquantifiedLines);
  }
}
