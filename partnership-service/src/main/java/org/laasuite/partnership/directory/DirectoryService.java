package org.laasuite.partnership.directory;

import io.grpc.Status;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.laasuite.common.audit.AuditLog;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Etags;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.partnership.directory.DirectoryRepositories.OrganisationRepository;
import org.laasuite.partnership.directory.DirectoryRepositories.PersonRepository;
import org.laasuite.partnership.v1.Person;

/** Organisations and people. */
@Singleton
public class DirectoryService {

  private final OrganisationRepository organisations;
  private final PersonRepository people;
  private final AuditLog audit;

  public DirectoryService(OrganisationRepository organisations, PersonRepository people, AuditLog audit) {
    this.organisations = organisations;
    this.people = people;
    this.audit = audit;
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

  /**
   * Creates {@code row} unless {@code v} holds problems or its id is taken by another: a stored one
   * {@code sameAsAsked} (a retry) is answered as it is.
   */
  @Transactional
  public OrganisationRow create(OrganisationRow row, Violations v, Predicate<OrganisationRow> sameAsAsked) {
    v.throwIfAny();
    var existing = organisations.findByCode(row.code());
    if (existing.isPresent() && sameAsAsked.test(existing.get())) {
      return existing.get();
    }
    if (existing.isPresent()) {
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "ORGANISATION_ALREADY_EXISTS",
          row.name() + " already exists", "organisation.id");
    }
    OrganisationRow saved = organisations.save(row);
    audit.record(AuditLog.CREATE, saved.name(), null, DirectoryMapper.toProto(saved));
    return saved;
  }

  /**
   * Creates {@code row} in {@code organisation} (a name, or empty) unless anything is wrong; a stored
   * person with its id that {@code sameAs} the one asked for says is the same (a retry) is answered as it is.
   */
  @Transactional
  public PersonRow create(PersonRow row, String organisation, Violations v,
      Function<PersonRow, Predicate<PersonRow>> sameAs) {
    OrganisationRow org = organisation.isEmpty() ? null
        : organisationOrViolation(organisation, "person.organisation", v);
    v.throwIfAny();
    PersonRow asked = new PersonRow(null, row.code(), row.displayName(), row.honorific(), row.jobTitle(),
        org == null ? null : org.id(), row.alsoKnownAs(), row.email(), 0);
    var existing = people.findByCode(row.code());
    if (existing.isPresent() && sameAs.apply(asked).test(existing.get())) {
      return existing.get();
    }
    if (existing.isPresent()) {
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "PERSON_ALREADY_EXISTS",
          row.name() + " already exists", "person.id");
    }
    PersonRow saved = people.save(asked);
    audit.record(AuditLog.CREATE, saved.name(), null, DirectoryMapper.toProto(saved,
        org == null ? Map.of() : Map.of(org.id(), org)));
    return saved;
  }

  /**
   * Changes the person {@code name} names (NOT_FOUND if there is none) to {@code in}'s fields that {@code paths}
   * names, checked as a create checks a person, as their next version. The row is locked first, so concurrent
   * updates apply one after another, each to the one before; ABORTED when {@code etag} is set and not the current
   * one. Nothing is written when anything is wrong.
   */
  @Transactional
  public PersonRow update(String name, String etag, Person in, Set<String> paths) {
    PersonRow existing = ResourceNames.PEOPLE.find(name, "person.name", people::lockByCode);
    Etags.check(etag, existing.etag(), name);
    Violations v = new Violations();
    Person merged = DirectoryMapper.merge(existing, existing.organisationId() == null ? Map.of()
        : organisationsById(List.of(existing.organisationId())), in, paths);
    PersonRow checked = DirectoryMapper.fromProto(merged, "person.", v);
    OrganisationRow org = merged.getOrganisation().isEmpty() ? null
        : organisationOrViolation(merged.getOrganisation(), "person.organisation", v);
    v.throwIfAny();
    PersonRow updated = people.update(new PersonRow(existing.id(), existing.code(), checked.displayName(),
        checked.honorific(), checked.jobTitle(), org == null ? null : org.id(), checked.alsoKnownAs(), checked.email(),
        existing.version()).nextVersion());
    var orgs = new java.util.HashMap<Long, OrganisationRow>(existing.organisationId() == null ? Map.of()
        : organisationsById(List.of(existing.organisationId())));
    if (org != null) {
      orgs.put(org.id(), org);
    }
    audit.record(AuditLog.UPDATE, updated.name(), DirectoryMapper.toProto(existing, orgs),
        DirectoryMapper.toProto(updated, orgs));
    return updated;
  }
}
