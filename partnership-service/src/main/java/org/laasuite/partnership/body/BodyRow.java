package org.laasuite.partnership.body;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.partnership.v1.BodyStatus;
import org.laasuite.partnership.v1.BodyType;

/** {@code blocks} (led) and {@code outcomeBlocks} (outcomes listed under): LAA block names, one per line. */
@MappedEntity("body")
public record BodyRow(@Id @GeneratedValue @Nullable Long id, String code, String title, BodyType type,
    @Nullable Long parentId, String blocks, String remit, boolean mandatory, BodyStatus status,
    @Nullable Long successorId, int quorum, String outcomeBlocks) {

  /** Whether it leads {@code block} or has outcomes listed under it. */
  public boolean concerns(String block) {
    return org.laasuite.partnership.Lines.split(blocks).contains(block)
        || org.laasuite.partnership.Lines.split(outcomeBlocks).contains(block);
  }

  public String name() {
    return ResourceNames.BODIES.name(code);
  }
}
