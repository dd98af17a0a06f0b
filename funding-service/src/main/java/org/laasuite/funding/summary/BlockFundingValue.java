package org.laasuite.funding.summary;

import java.util.List;
import org.laasuite.type.v1.LaaBlock;

/** An arrangement's lines in one block, in the agreement's order, with their subtotal. */
public record BlockFundingValue(LaaBlock block, List<FundingLineValue> lines, TotalsValue subtotal) {
}
