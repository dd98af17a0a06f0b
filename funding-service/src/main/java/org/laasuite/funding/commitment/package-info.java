/**
 * Commitments (what the money pays for), their amounts per year, the indicators and bodies they
 * support, and spend per quarter. It holds their rows, CommitmentRepositories,
 * CommitmentService and CommitmentMapper.
 */
package org.laasuite.funding.commitment;
