package org.laasuite.funding.commitment;

import io.micronaut.core.annotation.Introspected;

/** A sum of pence per stream. */
@Introspected
public record StreamPence(long streamId, long pence) {
}
