package org.laasuite.funding.summary;

import java.util.List;
import org.laasuite.funding.v1.Arrangement;

/** An arrangement's blocks (those with lines), with its total. */
public record ArrangementFundingValue(Arrangement arrangement, List<BlockFundingValue> blocks, TotalsValue total) {
}
