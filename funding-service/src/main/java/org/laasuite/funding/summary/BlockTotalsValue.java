package org.laasuite.funding.summary;

import org.laasuite.type.v1.LaaBlock;

/** A block's pooled and aligned totals, across arrangements. */
public record BlockTotalsValue(LaaBlock block, TotalsValue pooled, TotalsValue aligned) {
}
