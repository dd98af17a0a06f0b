package org.laasuite.indicators.entry;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A document frozen with an edition: never updated, never replaced ({@code name} is unique within the edition). */
@MappedEntity("edition_document")
public record EditionDocumentRow(@Id @GeneratedValue @Nullable Long id, long editionId, String name,
    String mediaType, byte[] content, Instant createTime, String createBy) {
}
