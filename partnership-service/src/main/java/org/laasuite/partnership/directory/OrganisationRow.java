package org.laasuite.partnership.directory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.partnership.v1.Scope;
import org.laasuite.partnership.v1.Sector;

@MappedEntity("organisation")
public record OrganisationRow(@Id @GeneratedValue @Nullable Long id, String code, String title, @Nullable Sector sector,
    boolean statutoryDutyToCooperate, @Nullable Scope scope, boolean accountableBody,
    String registeredIdentifiers) {

  /** {@code registeredIdentifiers} is stored one a line ({@link org.laasuite.partnership.Lines}). */
  public String name() {
    return ResourceNames.ORGANISATIONS.name(code);
  }
}
