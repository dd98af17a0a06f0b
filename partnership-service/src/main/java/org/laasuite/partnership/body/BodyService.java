package org.laasuite.partnership.body;

import org.laasuite.common.grpc.ResourceNames;
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
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.Violations;
import org.laasuite.partnership.Lines;
import org.laasuite.partnership.body.BodyRepositories.BodyRepository;
import org.laasuite.partnership.body.BodyRepositories.MembershipRepository;
import org.laasuite.partnership.directory.DirectoryService;
import org.laasuite.partnership.directory.OrganisationRow;
import org.laasuite.partnership.directory.PersonRow;
import org.laasuite.partnership.v1.Action;
import org.laasuite.partnership.v1.Body;
import org.laasuite.partnership.v1.BodyStatus;
import org.laasuite.partnership.v1.BodyType;
import org.laasuite.partnership.v1.Membership;
import org.laasuite.partnership.v1.Responsibility;
import org.laasuite.partnership.v1.ResponsiblePerson;
import org.laasuite.partnership.v1.Role;
import org.laasuite.partnership.v1.Sector;
import org.laasuite.type.v1.LaaBlock;

/** Bodies, their memberships, and who is responsible for what. */
@Singleton
public class BodyService {

  private final BodyRepository bodies;
  private final MembershipRepository memberships;
  private final DirectoryService directory;

  public BodyService(BodyRepository bodies, MembershipRepository memberships, DirectoryService directory) {
    this.bodies = bodies;
    this.memberships = memberships;
    this.directory = directory;
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
    String t = type == BodyType.BODY_TYPE_UNSPECIFIED || type == BodyType.UNRECOGNIZED ? null : type.name();
    return page.slice(bodies.page(t, page.size(), page.offset()));
  }

  public List<BodyRow> all() {
    return bodies.listAll();
  }

  public List<MembershipRow> allMemberships() {
    return memberships.listAll();
  }

  @Transactional
  public BodyRow create(Body in) {
    Violations v = new Violations();
    BodyRow candidate = validated(in, "body.", v);
    v.throwIfAny();
    if (bodies.findByCode(in.getId()).isPresent()) {
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "BODY_ALREADY_EXISTS", "bodies/" + in.getId()
          + " already exists", "body.id");
    }
    return bodies.save(candidate);
  }

  private BodyRow validated(Body in, String p, Violations v) {
    ResourceNames.BODIES.validId(in.getId(), p + "id", v);
    v.requiredText(in.getTitle(), Violations.MAX_TITLE, p + "title");
    ProtoEnums.required(in.getType(), p + "type", v);
    ProtoEnums.known(in.getStatus(), p + "status", v);
    v.maxLength(in.getRemit(), Violations.MAX_TEXT, p + "remit");
    v.check(in.getQuorum() >= 0 && in.getQuorum() <= 1000, p + "quorum", "must be 0 to 1000");
    checkBlocks(in.getBlocksList(), p + "blocks", v);
    checkBlocks(in.getOutcomeBlocksList(), p + "outcome_blocks", v);
    BodyRow parent = in.getParent().isEmpty() ? null : bodyOrViolation(in.getParent(), p + "parent", v);
    BodyRow successor = in.getSuccessor().isEmpty() ? null : bodyOrViolation(in.getSuccessor(), p + "successor", v);
    BodyStatus status = in.getStatus() == BodyStatus.BODY_STATUS_UNSPECIFIED ? BodyStatus.BODY_STATUS_ACTIVE : in.getStatus();
    v.check((status == BodyStatus.BODY_STATUS_MERGED) == !in.getSuccessor().isEmpty(), p + "successor",
        status == BodyStatus.BODY_STATUS_MERGED ? "is required for a merged body" : "is only for a merged body");
    return new BodyRow(null, in.getId(), in.getTitle(), in.getType(), parent == null ? null : parent.id(),
        Lines.join(in.getBlocksList().stream().map(Enum::name).toList()), in.getRemit(), in.getMandatory(), status,
        successor == null ? null : successor.id(), in.getQuorum(),
        Lines.join(in.getOutcomeBlocksList().stream().map(Enum::name).toList()));
  }

  private static void checkBlocks(List<LaaBlock> blocks, String field, Violations v) {
    for (int i = 0; i < blocks.size(); i++) {
      v.check(blocks.get(i) != LaaBlock.LAA_BLOCK_UNSPECIFIED && blocks.get(i) != LaaBlock.UNRECOGNIZED,
          field + "[" + i + "]", "is not an LAA block");
    }
  }

  @Transactional
  public MembershipRow createMembership(String parent, Membership in) {
    BodyRow body = get(parent, "parent");
    Violations v = new Violations();
    PersonRow person = directory.personOrViolation(in.getPerson(), "membership.person", v);
    v.check(in.getRole() != Role.ROLE_UNSPECIFIED && in.getRole() != Role.UNRECOGNIZED, "membership.role",
        "must be CHAIR, VICE_CHAIR, LEADER, ADVISOR, MEMBER, SECRETARY or SUPPORT_OFFICER");
    v.check(in.getSector() != Sector.UNRECOGNIZED, "membership.sector", "is not a known sector");
    OrganisationRow represents = in.getRepresents().isEmpty() ? null
        : directory.organisationOrViolation(in.getRepresents(), "membership.represents", v);
    LocalDate start = in.hasStartDate() ? Protos.date(in.getStartDate(), "membership.start_date", v).orElse(null) : null;
    LocalDate end = in.hasEndDate() ? Protos.date(in.getEndDate(), "membership.end_date", v).orElse(null) : null;
    if (start != null && end != null) {
      v.check(!end.isBefore(start), "membership.end_date", "is before start_date " + start);
    }
    v.throwIfAny();
    return memberships.save(new MembershipRow(null, body.id(), person.id(), in.getRole(),
        represents == null ? null : represents.id(), in.getSector() == Sector.SECTOR_UNSPECIFIED ? null : in.getSector(),
        start, end));
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
   * Bodies with their chairs, leaders and advisors, for any number asked: the bodies named, then
   * those that lead or have outcomes under {@code blocks}, each with the open actions
   * {@code openActions} gives by body name. A handful of statements whatever the count.
   */
  public List<Responsibility> responsibilities(List<String> asked, List<LaaBlock> blocks,
      Function<List<BodyRow>, Map<String, List<Action>>> openActions) {
    Violations v = new Violations();
    ResourceNames.checkBatch(asked.size(), false, "bodies", "bodies", v);
    checkBlocks(blocks, "blocks", v);
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < asked.size(); i++) {
      codes.add(ResourceNames.BODIES.id(asked.get(i), "bodies[" + i + "]", v));
    }
    v.throwIfAny();
    List<String> names = new ArrayList<>(asked);
    if (!blocks.isEmpty()) {
      Set<String> wanted = blocks.stream().map(Enum::name).collect(Collectors.toSet());
      bodies.listAll().stream().filter(b -> wanted.stream().anyMatch(b::concerns))
          .filter(b -> !codes.contains(b.code())).forEach(b -> {
            codes.add(b.code());
            names.add(b.name());
          });
    }
    Map<String, BodyRow> found = codes.isEmpty() ? Map.of()
        : bodies.findByCodeIn(codes).stream().collect(Collectors.toMap(BodyRow::code, Function.identity()));
    List<MembershipRow> ms = found.isEmpty() ? List.of()
        : memberships.findByBodyIdInOrderById(found.values().stream().map(BodyRow::id).toList());
    Set<Role> responsible = Set.of(Role.ROLE_CHAIR, Role.ROLE_VICE_CHAIR, Role.ROLE_LEADER, Role.ROLE_ADVISOR);
    LocalDate today = LocalDate.now();
    List<MembershipRow> relevant = ms.stream().filter(m -> responsible.contains(m.role()) && m.currentOn(today)).toList();
    Map<Long, PersonRow> people = directory.peopleById(new HashSet<>(relevant.stream().map(MembershipRow::personId).toList()));
    Map<Long, OrganisationRow> orgs = directory.organisationsById(people.values().stream()
        .map(PersonRow::organisationId).filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
    Map<Long, BodyRow> parents = byIds(found.values().stream().map(BodyRow::parentId).filter(java.util.Objects::nonNull)
        .collect(Collectors.toSet()));
    Map<Long, BodyRow> byId = new LinkedHashMap<>();
    found.values().forEach(b -> byId.put(b.id(), b));
    byId.putAll(parents);
    Map<String, List<Action>> actions = openActions.apply(List.copyOf(found.values()));
    List<Responsibility> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      BodyRow b = found.get(codes.get(i));
      var r = Responsibility.newBuilder().setBody(names.get(i));
      if (b != null) {
        r.setDetail(toProto(b, byId)).addAllOpenActions(actions.getOrDefault(b.name(), List.of()));
        relevant.stream().filter(m -> m.bodyId() == b.id())
            .sorted(java.util.Comparator.comparing(MembershipRow::role))
            .forEach(m -> r.addPeople(ResponsiblePerson.newBuilder()
                .setPerson(DirectoryService.toProto(people.get(m.personId()), orgs)).setRole(m.role())));
      }
      out.add(r.build());
    }
    return out;
  }

  /** {@code related}: bodies by id for the parent and successor names. */
  public static Body toProto(BodyRow b, Map<Long, BodyRow> related) {
    var out = Body.newBuilder().setName(b.name()).setId(b.code()).setTitle(b.title())
        .setType(b.type()).setRemit(b.remit()).setMandatory(b.mandatory()).setStatus(b.status())
        .setQuorum(b.quorum());
    Lines.split(b.blocks()).forEach(block -> out.addBlocks(LaaBlock.valueOf(block)));
    Lines.split(b.outcomeBlocks()).forEach(block -> out.addOutcomeBlocks(LaaBlock.valueOf(block)));
    if (b.parentId() != null && related.containsKey(b.parentId())) {
      out.setParent(related.get(b.parentId()).name());
    }
    if (b.successorId() != null && related.containsKey(b.successorId())) {
      out.setSuccessor(related.get(b.successorId()).name());
    }
    return out.build();
  }

  public static Membership toProto(MembershipRow m, BodyRow body, Map<Long, PersonRow> people,
      Map<Long, OrganisationRow> orgs) {
    var out = Membership.newBuilder()
        .setName(body.name() + "/memberships/" + m.id()).setBody(body.name())
        .setPerson(people.get(m.personId()).name()).setRole(m.role());
    if (m.representsId() != null && orgs.containsKey(m.representsId())) {
      out.setRepresents(orgs.get(m.representsId()).name());
    }
    if (m.sector() != null) {
      out.setSector(m.sector());
    }
    if (m.startDate() != null) {
      out.setStartDate(Protos.date(m.startDate()));
    }
    if (m.endDate() != null) {
      out.setEndDate(Protos.date(m.endDate()));
    }
    return out.build();
  }
}
