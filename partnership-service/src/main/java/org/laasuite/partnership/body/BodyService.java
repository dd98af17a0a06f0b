package org.laasuite.partnership.body;

import io.grpc.Status;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.laasuite.common.audit.AuditLog;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.partnership.body.BodyRepositories.BodyRepository;
import org.laasuite.partnership.body.BodyRepositories.MembershipRepository;
import org.laasuite.partnership.directory.DirectoryService;
import org.laasuite.partnership.directory.OrganisationRow;
import org.laasuite.partnership.directory.PersonRow;
import org.laasuite.partnership.v1.BodyType;
import org.laasuite.partnership.v1.Membership;
import org.laasuite.partnership.v1.Role;
import org.laasuite.type.v1.LaaBlock;

/** Bodies, their memberships, and who is responsible for what. */
@Singleton
public class BodyService {

  private final BodyRepository bodies;
  private final MembershipRepository memberships;
  private final DirectoryService directory;
  private final AuditLog audit;
  private final ResponsibilityReads reads;

  public BodyService(BodyRepository bodies, MembershipRepository memberships, DirectoryService directory,
      AuditLog audit, ResponsibilityReads reads) {
    this.reads = reads;
    this.bodies = bodies;
    this.memberships = memberships;
    this.directory = directory;
    this.audit = audit;
  }

  public BodyRow get(String name, String field) {
    return ResourceNames.BODIES.find(name, field, bodies::findByCode);
  }

  public BodyRow bodyOrViolation(String name, String field, Violations v) {
    return ResourceNames.BODIES.findOrViolation(name, field, v, bodies::findByCode);
  }

  public Map<Long, BodyRow> byIds(Collection<Long> ids) {
    return ids.isEmpty() ? Map.of()
        : bodies.findByIdIn(ids).stream().collect(Collectors.toMap(BodyRow::id, Function.identity()));
  }

  public Pages.Slice<BodyRow> list(BodyType type, Pages.Page page) {
    String t = ProtoEnums.nameOrNull(type);
    return page.slice(bodies.page(t, page.size(), page.offset()));
  }

  public List<BodyRow> all() {
    return bodies.listAll();
  }

  public List<MembershipRow> allMemberships() {
    return memberships.listAll();
  }





  /**
   * Creates {@code row} with its {@code parent} and {@code successor} (names, or empty) unless anything is wrong;
   * a stored body with its id that {@code sameAs} the one asked for says is the same (a retry) is answered as it is.
   */
  @Transactional
  public BodyRow create(BodyRow row, String parent, String successor, Violations v,
      Function<BodyRow, Predicate<BodyRow>> sameAs) {
    BodyRow p = parent.isEmpty() ? null : bodyOrViolation(parent, "body.parent", v);
    BodyRow s = successor.isEmpty() ? null : bodyOrViolation(successor, "body.successor", v);
    v.throwIfAny();
    BodyRow asked = new BodyRow(null, row.code(), row.title(), row.type(), p == null ? null : p.id(), row.blocks(),
        row.remit(), row.mandatory(), row.status(), s == null ? null : s.id(), row.quorum(), row.outcomeBlocks());
    var existing = bodies.findByCode(row.code());
    if (existing.isPresent() && sameAs.apply(asked).test(existing.get())) {
      return existing.get();
    }
    if (existing.isPresent()) {
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "BODY_ALREADY_EXISTS", row.name() + " already exists",
          "body.id");
    }
    BodyRow saved = bodies.save(asked);
    Map<Long, BodyRow> related = Stream.of(p, s).filter(Objects::nonNull)
        .collect(Collectors.toMap(BodyRow::id, Function.identity(), (x, y) -> x));
    audit.record(AuditLog.CREATE, saved.name(), null, BodyMapper.toProto(saved, related));
    return saved;
  }

  /**
   * Creates {@code row} in the body {@code parent} names, for the {@code person} and representing the
   * organisation {@code represents} (names, the latter optional) unless anything is wrong.
   */
  @Transactional
  public MembershipRow createMembership(String parent, MembershipRow row, String person, String represents,
      Violations v) {
    BodyRow body = get(parent, "parent");
    PersonRow who = directory.personOrViolation(person, "membership.person", v);
    OrganisationRow org = represents.isEmpty() ? null
        : directory.organisationOrViolation(represents, "membership.represents", v);
    v.throwIfAny();
    MembershipRow saved = memberships.save(new MembershipRow(null, body.id(), who.id(), row.role(),
        org == null ? null : org.id(), row.sector(), row.startDate(), row.endDate()));
    Membership created = BodyMapper.toProto(saved, body, Map.of(who.id(), who),
        org == null ? Map.of() : Map.of(org.id(), org));
    audit.record(AuditLog.CREATE, created.getName(), null, created);
    return saved;
  }

  /** Memberships of {@code body} (of any body when null), of {@code person} only when not null. */
  public Pages.Slice<MembershipRow> memberships(BodyRow body, PersonRow person, Pages.Page page) {
    return page.slice(memberships.page(body == null ? null : body.id(), person == null ? null : person.id(),
        page.size(), page.offset()));
  }

  /** Whether {@code person} is a member of {@code body} on {@code day}. */
  public boolean isMember(long bodyId, long personId, LocalDate day) {
    return memberships.findByPersonIdOrderById(personId).stream()
        .anyMatch(m -> m.bodyId() == bodyId && m.currentOn(day));
  }

  /**
   * The bodies asked for by {@code names} ({@code found} by name holds those that exist), the
   * current chairs, vice-chairs, leaders and advisors of each ({@code responsible}), and the bodies,
   * people and organisations by id that mapping them needs.
   */
  public record Responsibilities(List<String> names, Map<String, BodyRow> found, List<MembershipRow> responsible,
      Map<Long, BodyRow> related, Map<Long, PersonRow> people, Map<Long, OrganisationRow> orgs) {

    public List<BodyRow> bodies() {
      return List.copyOf(found.values());
    }
  }

  /** The roles a body's responsibilities name. */
  private static final Set<Role> RESPONSIBLE = Set.of(Role.ROLE_CHAIR, Role.ROLE_VICE_CHAIR, Role.ROLE_LEADER,
      Role.ROLE_ADVISOR);

  /**
   * Bodies with their chairs, leaders and advisors, for any number asked: the bodies named, then
   * those that lead or have outcomes under {@code blocks}. One statement whatever the count.
   */
  public Responsibilities responsibilities(List<String> asked, List<LaaBlock> blocks) {
    Violations v = new Violations();
    ResourceNames.checkBatch(asked.size(), false, "bodies", "bodies", v);
    BodyMapper.checkBlocks(blocks, "blocks", v);
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < asked.size(); i++) {
      codes.add(ResourceNames.BODIES.id(asked.get(i), "bodies[" + i + "]", v));
    }
    v.throwIfAny();
    List<String> names = new ArrayList<>(asked);
    var read = reads.bodies(codes, blocks.stream().map(Enum::name).toList(), RESPONSIBLE);
    Map<String, BodyRow> found = new LinkedHashMap<>();
    for (BodyRow b : read.found()) { // in code order: those of the blocks follow the bodies asked for
      found.put(b.name(), b);
      if (!codes.contains(b.code())) {
        names.add(b.name());
      }
    }
    LocalDate today = LocalDate.now();
    List<MembershipRow> relevant = read.members().stream().filter(m -> m.currentOn(today)).toList();
    return new Responsibilities(names, found, relevant, read.byId(), read.people(), read.organisations());
  }


}
