package org.laasuite.partnership.directory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import org.laasuite.common.grpc.Etags;
import org.laasuite.common.grpc.ResourceNames;

@MappedEntity("person")
public record PersonRow(@Id @GeneratedValue @Nullable Long id, String code, String displayName, String honorific,
    String jobTitle, @Nullable Long organisationId, String alsoKnownAs, String email, long version) {

  public String name() {
    return ResourceNames.PEOPLE.name(code);
  }

  /** This person as their next version. */
  public PersonRow nextVersion() {
    return new PersonRow(id, code, displayName, honorific, jobTitle, organisationId, alsoKnownAs, email, version + 1);
  }

  /** The version clients see (AIP-154), changed by every update; empty before the row is stored. */
  public String etag() {
    return id == null ? "" : Etags.of(id, version);
  }
}
