package org.laasuite.partnership.directory;

import java.util.Map;
import org.laasuite.common.grpc.FieldBehaviors;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.partnership.Lines;
import org.laasuite.partnership.v1.Organisation;
import org.laasuite.partnership.v1.Person;
import org.laasuite.partnership.v1.Scope;
import org.laasuite.partnership.v1.Sector;

/** Organisations and people between their rows and the API. */
public final class DirectoryMapper {

  private DirectoryMapper() {
  }

  public static Organisation toProto(OrganisationRow o) {
    var b = Organisation.newBuilder().setName(o.name()).setId(o.code()).setTitle(o.title())
        .setStatutoryDutyToCooperate(o.statutoryDutyToCooperate()).setAccountableBody(o.accountableBody());
    if (o.sector() != null) {
      b.setSector(o.sector());
    }
    if (o.scope() != null) {
      b.setScope(o.scope());
    }
    return b.build();
  }

  /** {@code organisations}: by id, for the people mapped (one statement read by the caller). */
  public static Person toProto(PersonRow p, Map<Long, OrganisationRow> organisations) {
    var b = Person.newBuilder().setName(p.name()).setId(p.code()).setDisplayName(p.displayName())
        .setHonorific(p.honorific()).setJobTitle(p.jobTitle()).addAllAlsoKnownAs(Lines.split(p.alsoKnownAs()));
    if (p.organisationId() != null && organisations.containsKey(p.organisationId())) {
      b.setOrganisation(organisations.get(p.organisationId()).name());
    }
    return b.build();
  }

  /** The organisation to create, its shape checked into {@code v} (fields named from {@code p}). */
  public static OrganisationRow fromProto(Organisation in, String p, Violations v) {
    FieldBehaviors.checkRequired(in, p, v); // what the proto marks REQUIRED, with the rules below
    ResourceNames.ORGANISATIONS.validId(in.getId(), p + "id", v);
    v.requiredText(in.getTitle(), Violations.MAX_TITLE, p + "title");
    ProtoEnums.known(in.getSector(), p + "sector", v);
    ProtoEnums.known(in.getScope(), p + "scope", v);
    return new OrganisationRow(null, in.getId(), in.getTitle(),
        in.getSector() == Sector.SECTOR_UNSPECIFIED ? null : in.getSector(), in.getStatutoryDutyToCooperate(),
        in.getScope() == Scope.SCOPE_UNSPECIFIED ? null : in.getScope(), in.getAccountableBody());
  }

  /**
   * The person to create, its shape checked into {@code v}; the organisation (a name the service
   * resolves) is not yet set.
   */
  public static PersonRow fromProto(Person in, String p, Violations v) {
    FieldBehaviors.checkRequired(in, p, v); // what the proto marks REQUIRED, with the rules below
    ResourceNames.PEOPLE.validId(in.getId(), p + "id", v);
    v.requiredText(in.getDisplayName(), Violations.MAX_TITLE, p + "display_name");
    v.maxLength(in.getHonorific(), 100, p + "honorific");
    v.maxLength(in.getJobTitle(), Violations.MAX_TITLE, p + "job_title");
    v.maxLength(String.join("\n", in.getAlsoKnownAsList()), Violations.MAX_TITLE, p + "also_known_as");
    return new PersonRow(null, in.getId(), in.getDisplayName(), in.getHonorific(), in.getJobTitle(), null,
        Lines.join(in.getAlsoKnownAsList()));
  }
}
