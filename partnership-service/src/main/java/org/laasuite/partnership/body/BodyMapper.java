package org.laasuite.partnership.body;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.laasuite.common.grpc.FieldBehaviors;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.partnership.Lines;
import org.laasuite.partnership.directory.DirectoryMapper;
import org.laasuite.partnership.directory.OrganisationRow;
import org.laasuite.partnership.directory.PersonRow;
import org.laasuite.partnership.v1.Action;
import org.laasuite.partnership.v1.Body;
import org.laasuite.partnership.v1.BodyStatus;
import org.laasuite.partnership.v1.Membership;
import org.laasuite.partnership.v1.Responsibility;
import org.laasuite.partnership.v1.ResponsiblePerson;
import org.laasuite.partnership.v1.Sector;
import org.laasuite.type.v1.LaaBlock;

/** Bodies and memberships between their rows and the API. */
public final class BodyMapper {

  private BodyMapper() {
  }

  /** {@code related}: bodies by id for the parent and successor names. */
  public static Body toProto(BodyRow b, Map<Long, BodyRow> related) {
    var out = Body.newBuilder().setName(b.name()).setId(b.code()).setTitle(b.title()).setType(b.type())
        .setRemit(b.remit()).setMandatory(b.mandatory()).setStatus(b.status()).setQuorum(b.quorum());
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
    var out = Membership.newBuilder().setName(body.name() + "/memberships/" + m.id()).setBody(body.name())
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

  /** Each body asked for, with its people and (from {@code openActions}, by body name) its open actions. */
  public static List<Responsibility> toProto(BodyService.Responsibilities found, Map<String, List<Action>> openActions) {
    List<Responsibility> out = new ArrayList<>();
    for (String name : found.names()) {
      BodyRow b = found.found().get(name);
      var r = Responsibility.newBuilder().setBody(name);
      if (b != null) {
        r.setDetail(toProto(b, found.related())).addAllOpenActions(openActions.getOrDefault(b.name(), List.of()));
        found.responsible().stream().filter(m -> m.bodyId() == b.id()).sorted(Comparator.comparing(MembershipRow::role))
            .forEach(m -> r.addPeople(ResponsiblePerson.newBuilder()
                .setPerson(DirectoryMapper.toProto(found.people().get(m.personId()), found.orgs())).setRole(m.role())));
      }
      out.add(r.build());
    }
    return out;
  }

  /**
   * The body to create, its shape checked into {@code v} (fields named from {@code p}); its parent and
   * successor (names the service resolves) are not yet set.
   */
  public static BodyRow fromProto(Body in, String p, Violations v) {
    FieldBehaviors.checkRequired(in, p, v); // what the proto marks REQUIRED, with the rules below
    ResourceNames.BODIES.validId(in.getId(), p + "id", v);
    v.requiredText(in.getTitle(), Violations.MAX_TITLE, p + "title");
    ProtoEnums.required(in.getType(), p + "type", v);
    ProtoEnums.known(in.getStatus(), p + "status", v);
    v.maxLength(in.getRemit(), Violations.MAX_TEXT, p + "remit");
    v.check(in.getQuorum() >= 0 && in.getQuorum() <= 1000, p + "quorum", "must be 0 to 1000");
    checkBlocks(in.getBlocksList(), p + "blocks", v);
    checkBlocks(in.getOutcomeBlocksList(), p + "outcome_blocks", v);
    BodyStatus status = in.getStatus() == BodyStatus.BODY_STATUS_UNSPECIFIED ? BodyStatus.BODY_STATUS_ACTIVE
        : in.getStatus();
    v.check((status == BodyStatus.BODY_STATUS_MERGED) == !in.getSuccessor().isEmpty(), p + "successor",
        status == BodyStatus.BODY_STATUS_MERGED ? "is required for a merged body" : "is only for a merged body");
    return new BodyRow(null, in.getId(), in.getTitle(), in.getType(), null,
        Lines.join(in.getBlocksList().stream().map(Enum::name).toList()), in.getRemit(), in.getMandatory(), status,
        null, in.getQuorum(), Lines.join(in.getOutcomeBlocksList().stream().map(Enum::name).toList()));
  }

  /**
   * The membership to create, its shape checked into {@code v} (fields named from {@code p}); its
   * body, person and organisation (names the service resolves) are not yet set.
   */
  public static MembershipRow fromProto(Membership in, String p, Violations v) {
    FieldBehaviors.checkRequired(in, p, v); // what the proto marks REQUIRED, with the rules below
    ProtoEnums.required(in.getRole(), p + "role", v);
    ProtoEnums.known(in.getSector(), p + "sector", v);
    LocalDate start = in.hasStartDate() ? Protos.date(in.getStartDate(), p + "start_date", v).orElse(null) : null;
    LocalDate end = in.hasEndDate() ? Protos.date(in.getEndDate(), p + "end_date", v).orElse(null) : null;
    if (start != null && end != null) {
      v.check(!end.isBefore(start), p + "end_date", "is before start_date " + start);
    }
    return new MembershipRow(null, 0, 0, in.getRole(), null,
        in.getSector() == Sector.SECTOR_UNSPECIFIED ? null : in.getSector(), start, end);
  }

  /** Each of {@code blocks} an LAA block: violations of {@code field}[i]. */
  public static void checkBlocks(List<LaaBlock> blocks, String field, Violations v) {
    for (int i = 0; i < blocks.size(); i++) {
      ProtoEnums.required(blocks.get(i), field + "[" + i + "]", v);
    }
  }
}
