package org.laasuite.partnership.access;

import io.grpc.Status;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.laasuite.auth.Caller;
import org.laasuite.common.audit.AuditLog;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.common.security.Admins;
import org.laasuite.partnership.body.BodyRepositories.BodyRepository;
import org.laasuite.partnership.body.BodyRepositories.MembershipRepository;
import org.laasuite.partnership.body.BodyRow;
import org.laasuite.partnership.body.MembershipRow;
import org.laasuite.partnership.directory.DirectoryRepositories.OrganisationRepository;
import org.laasuite.partnership.directory.DirectoryRepositories.PersonRepository;
import org.laasuite.partnership.directory.OrganisationRow;
import org.laasuite.partnership.directory.PersonRow;
import org.laasuite.partnership.v1.BodyType;
import org.laasuite.partnership.v1.Permission;
import org.laasuite.partnership.v1.Role;

/**
 * Who may do what, from the governance data, so that nobody keeps access lists by hand and a right ends when
 * the membership that gives it does:
 * <ul>
 *   <li>a person may enter the figures of the indicators their organisation owns, and of those the bodies they
 *       sit on report (the theme group, where the papers name no owning organisation);</li>
 *   <li>the chair, vice-chair and support (lead) officer of a body record its indicators' judgements;</li>
 *   <li>members of the performance (PIE) group and of the secretariat manage indicators and meetings;</li>
 *   <li>a person marks the actions they hold done or dropped, a body's chair and secretary its actions, and those
 *       who manage meetings any;</li>
 *   <li>the finance officers of the accountable body (its people whose job title names finance) manage the
 *       funding;</li>
 *   <li>the partnership's admins ({@link Admins}, configured: the first admin, and machines) may do everything,
 *       including linking sign-ins to people.</li>
 * </ul>
 * A sign-in is a person's when an admin has linked it: the issuer's subject, or an e-mail the issuer verified.
 */
@Singleton
public class AccessService {

  private static final Pattern FINANCE = Pattern.compile("\\bfinance\\b", Pattern.CASE_INSENSITIVE);
  private static final Set<Role> JUDGES = Set.of(Role.ROLE_CHAIR, Role.ROLE_VICE_CHAIR, Role.ROLE_SUPPORT_OFFICER);
  private static final Set<Role> ACTION_KEEPERS = Set.of(Role.ROLE_CHAIR, Role.ROLE_SECRETARY);
  private static final Set<BodyType> MANAGERS = Set.of(BodyType.BODY_TYPE_PIE_GROUP, BodyType.BODY_TYPE_SECRETARIAT);

  private final SignInLinkRepository links;
  private final PersonRepository people;
  private final OrganisationRepository organisations;
  private final BodyRepository bodies;
  private final MembershipRepository memberships;
  private final Admins admins;
  private final AuditLog audit;

  public AccessService(SignInLinkRepository links, PersonRepository people, OrganisationRepository organisations,
      BodyRepository bodies, MembershipRepository memberships, Admins admins, AuditLog audit) {
    this.links = links;
    this.people = people;
    this.organisations = organisations;
    this.bodies = bodies;
    this.memberships = memberships;
    this.admins = admins;
    this.audit = audit;
  }

  /** The caller's person (through their sign-in link) and rights today. */
  public CallerRightsValue of(Caller caller) {
    PersonRow person = links.bySubject(caller.issuer(), caller.subject())
        .or(() -> caller.emailVerified() && !caller.email().isEmpty()
            ? links.byEmail(caller.issuer(), caller.email()) : java.util.Optional.empty())
        .flatMap(l -> people.findById(l.personId())).orElse(null);
    List<RightValue> rights = new ArrayList<>();
    if (admins.isAdmin(caller)) {
      for (Permission p : ProtoEnums.values(Permission.class)) {
        rights.add(new RightValue(p, "", Admins.REASON, "", null, null));
      }
    }
    if (person == null) {
      return new CallerRightsValue(caller.issuer(), caller.subject(), null, null, rights);
    }
    CallerRightsValue own = rightsOf(List.of(person)).getFirst();
    rights.addAll(own.rights());
    return new CallerRightsValue(caller.issuer(), caller.subject(), person, own.organisation(), rights);
  }

  /** A person's rights today, as {@code people/{id}} names them. */
  public CallerRightsValue ofPerson(String name) {
    return rightsOf(List.of(ResourceNames.PEOPLE.find(name, "person", people::findByCode))).getFirst();
  }

  /** A page of the partnership's people with their rights today: four statements whatever its size. */
  public Pages.Slice<CallerRightsValue> everyone(Pages.Page page) {
    return page.slice(rightsOf(people.page(page.size(), page.offset())));
  }

  /** Each person with their organisation and rights today, in their order. */
  private List<CallerRightsValue> rightsOf(List<PersonRow> persons) {
    LocalDate today = LocalDate.now();
    var orgs = organisations.findByIdIn(persons.stream().map(PersonRow::organisationId).filter(Objects::nonNull)
        .distinct().toList()).stream().collect(Collectors.toMap(OrganisationRow::id, o -> o));
    var current = memberships.findByPersonIdInOrderById(persons.stream().map(PersonRow::id).toList()).stream()
        .filter(m -> m.currentOn(today)).toList();
    var byId = bodies.findByIdIn(current.stream().map(MembershipRow::bodyId).distinct().toList()).stream()
        .collect(Collectors.toMap(BodyRow::id, b -> b));
    List<CallerRightsValue> out = new ArrayList<>();
    for (PersonRow person : persons) {
      List<RightValue> rights = new ArrayList<>();
      OrganisationRow organisation = person.organisationId() == null ? null : orgs.get(person.organisationId());
      if (organisation != null) {
        rights.add(new RightValue(Permission.PERMISSION_ENTER_FIGURES, organisation.name(),
            "of " + organisation.title(), organisation.name(), null, null));
        if (organisation.accountableBody() && FINANCE.matcher(person.jobTitle()).find()) {
          rights.add(new RightValue(Permission.PERMISSION_MANAGE_FUNDING, "", person.jobTitle() + " at "
              + organisation.title() + ", the accountable body", organisation.name(), null, null));
        }
      }
      rights.add(new RightValue(Permission.PERMISSION_UPDATE_ACTIONS, person.name(), "the actions they hold",
          person.name(), null, null));
      for (MembershipRow m : current) {
        if (m.personId() == person.id()) {
          rights.addAll(rightsOf(m, byId.get(m.bodyId())));
        }
      }
      out.add(new CallerRightsValue("", "", person, organisation, rights));
    }
    return out;
  }

  /** What a current membership of {@code body} gives. */
  private static List<RightValue> rightsOf(MembershipRow m, BodyRow body) {
    List<RightValue> out = new ArrayList<>();
    String as = capitalised(ProtoEnums.words(m.role())) + " of " + body.title()
        + (m.startDate() == null ? "" : " since " + m.startDate());
    String source = body.name() + "/memberships/" + m.id();
    out.add(new RightValue(Permission.PERMISSION_ENTER_FIGURES, body.name(), as, source, m.startDate(),
        m.endDate()));
    if (JUDGES.contains(m.role())) {
      out.add(new RightValue(Permission.PERMISSION_RECORD_JUDGEMENTS, body.name(), as, source, m.startDate(),
          m.endDate()));
      out.add(new RightValue(Permission.PERMISSION_APPROVE_FIGURES, body.name(), as, source, m.startDate(),
          m.endDate()));
    }
    if (ACTION_KEEPERS.contains(m.role())) {
      out.add(new RightValue(Permission.PERMISSION_UPDATE_ACTIONS, body.name(), as, source, m.startDate(),
          m.endDate()));
    }
    if (MANAGERS.contains(body.type())) {
      out.add(new RightValue(Permission.PERMISSION_MANAGE_INDICATORS, "", as, source, m.startDate(), m.endDate()));
      out.add(new RightValue(Permission.PERMISSION_PUBLISH_FIGURES, "", as, source, m.startDate(), m.endDate()));
      out.add(new RightValue(Permission.PERMISSION_MANAGE_MEETINGS, "", as, source, m.startDate(), m.endDate()));
      out.add(new RightValue(Permission.PERMISSION_UPDATE_ACTIONS, "", as, source, m.startDate(), m.endDate()));
    }
    return out;
  }

  private static String capitalised(String words) {
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** A sign-in link with its resource name ("people/{person}/signInLinks/{id}"). */
  public record NamedLink(String name, SignInLinkRow link) {
  }

  private static NamedLink named(PersonRow person, SignInLinkRow link) {
    return new NamedLink(person.name() + "/signInLinks/" + link.id(), link);
  }

  /** Links a sign-in to the person {@code parent} names; ALREADY_EXISTS when that sign-in is linked already. */
  @Transactional
  public NamedLink link(String parent, SignInLinkRow candidate) {
    PersonRow person = ResourceNames.PEOPLE.find(parent, "parent", people::findByCode);
    var existing = candidate.subject().isEmpty() ? links.byEmail(candidate.issuer(), candidate.email())
        : links.bySubject(candidate.issuer(), candidate.subject());
    if (existing.isPresent()) {
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "SIGN_IN_LINK_ALREADY_EXISTS",
          "that sign-in is linked already (to " + people.findById(existing.get().personId()).map(PersonRow::name)
              .orElse("someone") + ")", "sign_in_link");
    }
    NamedLink linked = named(person, links.save(new SignInLinkRow(null, person.id(), candidate.issuer(),
        candidate.subject(), candidate.email(), null)));
    audit.record(AuditLog.CREATE, linked.name(), null, AccessMapper.toProto(linked));
    return linked;
  }

  /** A page of the links of the person {@code parent} names, or everyone's ("people/-"): two statements. */
  public Pages.Slice<NamedLink> links(String parent, Pages.Page page) {
    Long personId = null;
    if (!"people/-".equals(parent)) {
      personId = ResourceNames.PEOPLE.find(parent, "parent", people::findByCode).id();
    }
    List<SignInLinkRow> rows = links.page(personId, page.size(), page.offset());
    var persons = people.findByIdIn(rows.stream().map(SignInLinkRow::personId).distinct().toList()).stream()
        .collect(Collectors.toMap(PersonRow::id, p -> p));
    return page.slice(rows.stream().map(l -> named(persons.get(l.personId()), l)).toList());
  }

  @Transactional
  public void unlink(String name) {
    Violations v = new Violations();
    var child = ResourceNames.child(name, ResourceNames.PEOPLE, "signInLinks", "name", v);
    v.throwIfAny();
    PersonRow person = people.findByCode(child.parent()).orElse(null);
    SignInLinkRow link = links.findById(child.id()).filter(l -> person != null && l.personId() == person.id())
        .orElseThrow(() -> ApiException.notFound("SIGN_IN_LINK", name));
    links.delete(link);
    audit.record(AuditLog.DELETE, name, AccessMapper.toProto(named(person, link)), null);
  }
}
