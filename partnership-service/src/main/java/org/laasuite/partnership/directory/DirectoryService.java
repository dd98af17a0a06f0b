package org.laasuite.partnership.directory;

import org.laasuite.common.grpc.ResourceNames;
import io.grpc.Status;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.Violations;
import org.laasuite.partnership.Lines;
import org.laasuite.partnership.directory.DirectoryRepositories.OrganisationRepository;
import org.laasuite.partnership.directory.DirectoryRepositories.PersonRepository;
import org.laasuite.partnership.v1.Organisation;
import org.laasuite.partnership.v1.Person;
import org.laasuite.partnership.v1.Scope;
import org.laasuite.partnership.v1.Sector;

/** Organisations and people. */
@Singleton
public class DirectoryService {

  private final OrganisationRepository organisations;
  private final PersonRepository people;

  public DirectoryService(OrganisationRepository organisations, PersonRepository people) {
    this.organisations = organisations;
    this.people = people;
  }

  public OrganisationRow organisation(String name, String field) {
    return ResourceNames.ORGANISATIONS.find(name, field, organisations::findByCode);
  }

  public PersonRow person(String name, String field) {
    return ResourceNames.PEOPLE.find(name, field, people::findByCode);
  }

  /** The person {@code name} names, or null with a violation ("does not exist" included). */
  public PersonRow personOrViolation(String name, String field, Violations v) {
    return ResourceNames.PEOPLE.findOrViolation(name, field, v, people::findByCode);
  }

  public OrganisationRow organisationOrViolation(String name, String field, Violations v) {
    return ResourceNames.ORGANISATIONS.findOrViolation(name, field, v, organisations::findByCode);
  }

  public Map<Long, PersonRow> peopleById(Collection<Long> ids) {
    return ids.isEmpty() ? Map.of()
        : people.findByIdIn(ids).stream().collect(Collectors.toMap(PersonRow::id, Function.identity()));
  }

  public Map<Long, OrganisationRow> organisationsById(Collection<Long> ids) {
    return ids.isEmpty() ? Map.of()
        : organisations.findByIdIn(ids).stream().collect(Collectors.toMap(OrganisationRow::id, Function.identity()));
  }

  public Pages.Slice<OrganisationRow> listOrganisations(Pages.Page page) {
    return page.slice(organisations.page(page.size(), page.offset()));
  }

  public Pages.Slice<PersonRow> listPeople(Pages.Page page) {
    return page.slice(people.page(page.size(), page.offset()));
  }

  @Transactional
  public OrganisationRow create(Organisation in) {
    Violations v = new Violations();
    ResourceNames.ORGANISATIONS.validId(in.getId(), "organisation.id", v);
    v.requiredText(in.getTitle(), Violations.MAX_TITLE, "organisation.title");
    v.check(in.getSector() != Sector.UNRECOGNIZED, "organisation.sector", "must be PUBLIC, PRIVATE, VOLUNTARY or COMMUNITY");
    v.check(in.getScope() != Scope.UNRECOGNIZED, "organisation.scope", "must be LOCAL, REGIONAL or NATIONAL");
    v.throwIfAny();
    if (organisations.findByCode(in.getId()).isPresent()) {
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "ORGANISATION_ALREADY_EXISTS",
          "organisations/" + in.getId() + " already exists", "organisation.id");
    }
    return organisations.save(new OrganisationRow(null, in.getId(), in.getTitle(),
        in.getSector() == Sector.SECTOR_UNSPECIFIED ? null : in.getSector(), in.getStatutoryDutyToCooperate(),
        in.getScope() == Scope.SCOPE_UNSPECIFIED ? null : in.getScope()));
  }

  @Transactional
  public PersonRow create(Person in) {
    Violations v = new Violations();
    ResourceNames.PEOPLE.validId(in.getId(), "person.id", v);
    v.requiredText(in.getDisplayName(), Violations.MAX_TITLE, "person.display_name");
    v.maxLength(in.getHonorific(), 100, "person.honorific");
    v.maxLength(in.getJobTitle(), Violations.MAX_TITLE, "person.job_title");
    v.maxLength(String.join("\n", in.getAlsoKnownAsList()), Violations.MAX_TITLE, "person.also_known_as");
    OrganisationRow org = in.getOrganisation().isEmpty() ? null
        : organisationOrViolation(in.getOrganisation(), "person.organisation", v);
    v.throwIfAny();
    if (people.findByCode(in.getId()).isPresent()) {
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "PERSON_ALREADY_EXISTS",
          "people/" + in.getId() + " already exists", "person.id");
    }
    return people.save(new PersonRow(null, in.getId(), in.getDisplayName(), in.getHonorific(), in.getJobTitle(),
        org == null ? null : org.id(), Lines.join(in.getAlsoKnownAsList())));
  }

  public Organisation toProto(OrganisationRow o) {
    var b = Organisation.newBuilder().setName(o.name()).setId(o.code())
        .setTitle(o.title()).setStatutoryDutyToCooperate(o.statutoryDutyToCooperate());
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
    var b = Person.newBuilder().setName(p.name()).setId(p.code())
        .setDisplayName(p.displayName()).setHonorific(p.honorific()).setJobTitle(p.jobTitle())
        .addAllAlsoKnownAs(Lines.split(p.alsoKnownAs()));
    if (p.organisationId() != null && organisations.containsKey(p.organisationId())) {
      b.setOrganisation(organisations.get(p.organisationId()).name());
    }
    return b.build();
  }
}
