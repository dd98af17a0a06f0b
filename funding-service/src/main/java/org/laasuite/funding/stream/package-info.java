/**
 * Funding streams (pooled or aligned into the agreement) and their allocations per financial
 * year: the rows, their repositories, FundingStreamService and FundingStreamMapper.
 */
package org.laasuite.funding.stream;
