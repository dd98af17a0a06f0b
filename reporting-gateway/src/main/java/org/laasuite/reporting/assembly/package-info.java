/**
 * Builds the {@code laa.reporting.v1} model (report cards, block summaries, reports) from the
 * three services. Assembler makes at most one batched call to each, and Fetch turns a failed or
 * late call into an UnavailableSection. No formatting happens here.
 */
package org.laasuite.reporting.assembly;
