/**
 * The LPSA reward rule (docs/lpsa-reward.md): the share of a reward grant payable for a stretch
 * target. A pure function; the endpoint supplies its inputs.
 */
package org.laasuite.funding.lpsa;
