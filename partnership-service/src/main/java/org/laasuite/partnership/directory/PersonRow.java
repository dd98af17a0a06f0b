package org.laasuite.partnership.directory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import org.laasuite.common.grpc.ResourceNames;

@MappedEntity("person")
public record PersonRow(@Id @GeneratedValue @Nullable Long id, String code, String displayName, String honorific,
    String jobTitle, @Nullable Long organisationId, String alsoKnownAs) {

  public String name() {
    return ResourceNames.PEOPLE.name(code);
  }
}
