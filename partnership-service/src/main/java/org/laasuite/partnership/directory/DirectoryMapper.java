package org.laasuite.partnership.directory;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.laasuite.common.grpc.FieldMasks;
import org.laasuite.common.grpc.FieldBehaviors;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.partnership.Lines;
import org.laasuite.partnership.v1.Organisation;
import org.laasuite.partnership.v1.Person;
import org.laasuite.partnership.v1.Scope;
import org.laasuite.partnership.v1.Sector;
import org.laasuite.partnership.v1.UpdatePersonRequest;

/** Organisations and people between their rows and the API. */
public final class DirectoryMapper {

  /** What UpdatePerson may change. */
  public static final Set<String> UPDATABLE_PERSON = Set.of("display_name", "honorific", "job_title", "organisation",
      "also_known_as", "email");

  /**
   * An e-mail address as the HTML standard defines a valid one (what a browser's e-mail field accepts), with a dot in
   * its domain: mail to it can be delivered beyond the host.
   */
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@"
      + "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
  private static final int MAX_EMAIL = 254;
  /** An org-id.guide identifier: the register's code ("GB-CHC", "GB-COH", "XI-GRID") and its identifier there. */
  private static final Pattern ORG_ID = Pattern.compile("[A-Z]{2}-[A-Z0-9]{2,10}-[A-Za-z0-9][A-Za-z0-9._/-]{0,79}");
  private static final int MAX_REGISTERED = 10;

  private DirectoryMapper() {
  }

  public static Organisation toProto(OrganisationRow o) {
    var b = Organisation.newBuilder().setName(o.name()).setId(o.code()).setTitle(o.title())
        .setStatutoryDutyToCooperate(o.statutoryDutyToCooperate()).setAccountableBody(o.accountableBody())
        .addAllRegisteredIdentifiers(Lines.split(o.registeredIdentifiers()));
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
        .setHonorific(p.honorific()).setJobTitle(p.jobTitle()).addAllAlsoKnownAs(Lines.split(p.alsoKnownAs()))
        .setEmail(p.email()).setEtag(p.etag());
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
    v.check(in.getRegisteredIdentifiersCount() <= MAX_REGISTERED, p + "registered_identifiers",
        "at most " + MAX_REGISTERED + " identifiers");
    for (int i = 0; i < in.getRegisteredIdentifiersCount(); i++) {
      v.check(ORG_ID.matcher(in.getRegisteredIdentifiers(i)).matches(), p + "registered_identifiers[" + i + "]",
          "must be an org-id.guide identifier such as 'GB-CHC-1234567' (a list's code, a dash, its identifier)");
    }
    return new OrganisationRow(null, in.getId(), in.getTitle(),
        in.getSector() == Sector.SECTOR_UNSPECIFIED ? null : in.getSector(), in.getStatutoryDutyToCooperate(),
        in.getScope() == Scope.SCOPE_UNSPECIFIED ? null : in.getScope(), in.getAccountableBody(),
        Lines.join(in.getRegisteredIdentifiersList()));
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
    if (!in.getEmail().isEmpty()) {
      v.check(in.getEmail().length() <= MAX_EMAIL && EMAIL.matcher(in.getEmail()).matches(), p + "email",
          "must be an e-mail address like name@example.org (at most " + MAX_EMAIL + " characters, no spaces)");
    }
    return new PersonRow(null, in.getId(), in.getDisplayName(), in.getHonorific(), in.getJobTitle(), null,
        Lines.join(in.getAlsoKnownAsList()), in.getEmail(), 0);
  }

  /** The update mask's paths, and the person's name, checked into {@code v}. */
  public static Set<String> updatePaths(UpdatePersonRequest r, Violations v) {
    Set<String> paths = FieldMasks.paths(r.getUpdateMask(), UPDATABLE_PERSON, v);
    ResourceNames.PEOPLE.id(r.getPerson().getName(), "person.name", v);
    return paths;
  }

  /**
   * {@code existing} (shown with {@code organisations}) with the fields {@code paths} names taken from {@code in},
   * checked as a whole as a create checks it; the organisation, a name, is resolved by the caller.
   */
  public static Person merge(PersonRow existing, Map<Long, OrganisationRow> organisations, Person in,
      Set<String> paths) {
    return FieldMasks.merge(toProto(existing, organisations), in, paths);
  }
}
