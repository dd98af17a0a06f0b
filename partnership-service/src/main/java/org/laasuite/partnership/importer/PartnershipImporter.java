package org.laasuite.partnership.importer;

import com.google.protobuf.ProtocolMessageEnum;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.laasuite.common.audit.AuditLog;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.ImportFiles;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.partnership.Lines;
import org.laasuite.partnership.body.BodyMapper;
import org.laasuite.partnership.body.BodyService;
import org.laasuite.partnership.directory.DirectoryMapper;
import org.laasuite.partnership.directory.DirectoryService;
import org.laasuite.partnership.meeting.MeetingMapper;
import org.laasuite.partnership.meeting.MeetingService;
import org.laasuite.partnership.plan.ImprovementItemRow;
import org.laasuite.partnership.plan.ImprovementPlanRow;
import org.laasuite.partnership.plan.PlanRepositories.ImprovementItemRepository;
import org.laasuite.partnership.plan.PlanRepositories.ImprovementPlanRepository;
import org.laasuite.partnership.plan.PlanRepositories.RiskRepository;
import org.laasuite.partnership.plan.RiskRow;
import org.laasuite.partnership.v1.Action;
import org.laasuite.partnership.v1.AgendaItem;
import org.laasuite.partnership.v1.Attendance;
import org.laasuite.partnership.v1.AttendanceStatus;
import org.laasuite.partnership.v1.Body;
import org.laasuite.partnership.v1.BodyStatus;
import org.laasuite.partnership.v1.BodyType;
import org.laasuite.partnership.v1.Decision;
import org.laasuite.partnership.v1.ImportPartnershipRequest;
import org.laasuite.partnership.v1.ImportPartnershipResponse;
import org.laasuite.partnership.v1.Meeting;
import org.laasuite.partnership.v1.Membership;
import org.laasuite.partnership.v1.Organisation;
import org.laasuite.partnership.v1.Person;
import org.laasuite.partnership.v1.Role;
import org.laasuite.partnership.v1.Scope;
import org.laasuite.partnership.v1.Sector;
import org.laasuite.type.v1.ImportProblem;
import org.laasuite.type.v1.LaaBlock;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Loads a partnership data set (docs/data-formats.md): organisations, people, bodies, memberships,
 * meetings with attendance, items and actions, improvement plans and risks, through the same
 * services (and so the same rules) as the API. One transaction: every problem is reported with its
 * path in the file and nothing is written when there is any.
 */
@Singleton
public class PartnershipImporter {

  /** Said of an action the minutes give no owner: the group that agreed it holds it. */
  static final String GROUP_OWNS = "No owner is named in the minutes; the group that agreed it holds it.";

  private final DirectoryService directory;
  private final BodyService bodies;
  private final MeetingService meetings;
  private final ImprovementPlanRepository plans;
  private final ImprovementItemRepository planItems;
  private final RiskRepository risks;
  private final TransactionOperations<?> tx;
  private final AuditLog audit;

  public PartnershipImporter(DirectoryService directory, BodyService bodies, MeetingService meetings,
      ImprovementPlanRepository plans, ImprovementItemRepository planItems, RiskRepository risks,
      TransactionOperations<?> tx, AuditLog audit) {
    this.directory = directory;
    this.bodies = bodies;
    this.meetings = meetings;
    this.plans = plans;
    this.planItems = planItems;
    this.risks = risks;
    this.tx = tx;
    this.audit = audit;
  }

  public ImportPartnershipResponse importFile(ImportPartnershipRequest request) {
    var response = ImportPartnershipResponse.newBuilder();
    Map<String, Object> root;
    List<ImportProblem> unreadable = new ArrayList<>();
    String text = ImportFiles.text("", request.getContent(), unreadable);
    if (text == null) {
      return response.addAllProblems(unreadable).build();
    }
    try {
      LoaderOptions options = new LoaderOptions();
      options.setCodePointLimit(ImportFiles.MAX_BYTES);
      Object parsed = new Yaml(new SafeConstructor(options)).load(text);
      if (!(parsed instanceof Map<?, ?>)) {
        return response.addProblems(problem("", "the file is not a YAML mapping of the data set")).build();
      }
      root = cast(parsed);
    } catch (YAMLException e) {
      return response.addProblems(problem("", "not valid YAML: " + e.getMessage())).build();
    }
    List<ImportProblem> problems = new ArrayList<>();
    boolean written = tx.executeWrite(status -> {
      // through the services, as the API writes, but one audit event for the whole data set
      audit.importing(() -> {
        load(root, response, problems);
        return null;
      });
      if (!problems.isEmpty() || request.getValidateOnly()) {
        status.setRollbackOnly();
        return false;
      }
      audit.record(AuditLog.IMPORT, "partnership", null, response.clone().setWritten(true).build());
      return true;
    });
    return response.addAllProblems(problems).setWritten(written).build();
  }

  private void load(Map<String, Object> root, ImportPartnershipResponse.Builder r, List<ImportProblem> problems) {
    List<Map<String, Object>> orgs = list(root, "organisations");
    Set<String> orgIds = new HashSet<>();
    for (int i = 0; i < orgs.size(); i++) {
      var o = orgs.get(i);
      orgIds.add(str(o, "id"));
      var b = Organisation.newBuilder().setId(str(o, "id")).setTitle(str(o, "name"))
          .setStatutoryDutyToCooperate(Boolean.TRUE.equals(o.get("statutory_duty_to_cooperate")))
          .setAccountableBody(Boolean.TRUE.equals(o.get("accountable_body")))
          .addAllRegisteredIdentifiers(strings(o.get("registered_identifiers")));
      enumOf(Sector.class, o.get("sector"), "organisations[" + i + "].sector", problems).ifPresent(b::setSector);
      enumOf(Scope.class, o.get("scope"), "organisations[" + i + "].scope", problems).ifPresent(b::setScope);
      attempt("organisations[" + i + "]", "organisation.", problems, () -> {
        Violations v = new Violations();
        directory.create(DirectoryMapper.fromProto(b.build(), "organisation.", v), v, stored -> false);
      });
    }
    List<Map<String, Object>> people = list(root, "people");
    for (int i = 0; i < people.size(); i++) {
      var p = people.get(i);
      var b = Person.newBuilder().setId(str(p, "id")).setDisplayName(str(p, "name")).setHonorific(str(p, "title"))
          .setJobTitle(str(p, "job_title")).addAllAlsoKnownAs(strings(p.get("also_known_as")))
          .setEmail(str(p, "email"));
      if (!str(p, "organisation").isEmpty()) {
        b.setOrganisation("organisations/" + str(p, "organisation"));
      }
      attempt("people[" + i + "]", "person.", problems, () -> {
        Violations v = new Violations();
        directory.create(DirectoryMapper.fromProto(b.build(), "person.", v), b.getOrganisation(), v,
            asked -> stored -> false);
      });
    }
    List<Map<String, Object>> bodyList = parentsFirst(list(root, "bodies"));
    Set<String> bodyIds = new HashSet<>();
    bodyList.forEach(b -> bodyIds.add(str(b, "id")));
    for (Map<String, Object> bm : bodyList) {
      String path = "bodies[" + str(bm, "id") + "]";
      var b = Body.newBuilder().setId(str(bm, "id")).setTitle(str(bm, "name")).setRemit(str(bm, "remit"))
          .setMandatory(Boolean.TRUE.equals(bm.get("mandatory")))
          .setQuorum(bm.get("quorum") instanceof Number n ? n.intValue() : 0);
      enumOf(BodyType.class, bm.get("type"), path + ".type", problems).ifPresent(b::setType);
      enumOf(BodyStatus.class, bm.get("status"), path + ".status", problems).ifPresent(b::setStatus);
      for (String block : strings(bm.get("blocks"))) {
        enumOf(LaaBlock.class, block, path + ".blocks", problems).ifPresent(b::addBlocks);
      }
      for (String block : strings(bm.get("outcomes_listed_under_blocks"))) {
        enumOf(LaaBlock.class, block, path + ".outcomes_listed_under_blocks", problems).ifPresent(b::addOutcomeBlocks);
      }
      if (!str(bm, "parent").isEmpty()) {
        b.setParent("bodies/" + str(bm, "parent"));
      }
      if (!str(bm, "successor").isEmpty()) {
        b.setSuccessor("bodies/" + str(bm, "successor"));
      }
      attempt(path, "body.", problems, () -> {
        Violations v = new Violations();
        bodies.create(BodyMapper.fromProto(b.build(), "body.", v), b.getParent(), b.getSuccessor(), v,
            asked -> stored -> false);
      });
    }
    List<Map<String, Object>> ms = list(root, "memberships");
    for (int i = 0; i < ms.size(); i++) {
      var m = ms.get(i);
      String path = "memberships[" + i + "]";
      var b = Membership.newBuilder().setPerson("people/" + str(m, "person"));
      enumOf(Role.class, m.get("role"), path + ".role", problems).ifPresent(b::setRole);
      String represents = str(m, "represents");
      if (!represents.isEmpty()) {
        var sector = enumOf(Sector.class, represents.toUpperCase(Locale.ROOT), null, null);
        if (sector.isPresent()) {
          b.setSector(sector.get());
        } else if (orgIds.contains(represents)) {
          b.setRepresents("organisations/" + represents);
        }
      }
      date(m.get("from"), path + ".from", problems).ifPresent(d -> b.setStartDate(Protos.date(d)));
      date(m.get("to"), path + ".to", problems).ifPresent(d -> b.setEndDate(Protos.date(d)));
      attempt(path, "membership.", problems, () -> {
        Violations v = new Violations();
        bodies.createMembership("bodies/" + str(m, "body"), BodyMapper.fromProto(b.build(), "membership.", v),
            b.getPerson(), b.getRepresents(), v);
      });
    }
    r.setOrganisations(orgs.size()).setPeople(people.size()).setBodies(bodyList.size()).setMemberships(ms.size());

    List<Map<String, Object>> mts = list(root, "meetings");
    int actionCount = 0;
    for (int i = 0; i < mts.size(); i++) {
      var m = mts.get(i);
      String path = "meetings[" + i + "]";
      var b = Meeting.newBuilder().setId(str(m, "id")).setBody("bodies/" + str(m, "body"))
          .setStartTime(str(m, "start")).setEndTime(str(m, "end")).setPlace(str(m, "place"));
      date(m.get("date"), path + ".date", problems).ifPresent(d -> b.setDate(Protos.date(d)));
      for (var a : list(m, "attendance")) {
        var ab = Attendance.newBuilder().setPerson("people/" + str(a, "person")).setAsPrinted(str(a, "as_printed"));
        enumOf(AttendanceStatus.class, a.get("status"), path + ".attendance.status", problems).ifPresent(ab::setStatus);
        enumOf(Role.class, a.get("role"), path + ".attendance.role", problems).ifPresent(ab::setRole);
        String aff = str(a, "organisation");
        if (!aff.isEmpty()) {
          ab.setAffiliation((bodyIds.contains(aff) ? "bodies/" : "organisations/") + aff);
        }
        if (!str(a, "substitute_for").isEmpty()) {
          ab.setSubstituteFor("people/" + str(a, "substitute_for"));
        }
        b.addAttendance(ab);
      }
      for (var it : list(m, "items")) {
        int number = it.get("number") instanceof Number n ? n.intValue() : 0;
        var ib = AgendaItem.newBuilder().setNumber(number).setTitle(str(it, "title")).setMinutes(str(it, "minutes"))
            .setDescription(str(it, "description"));
        // A decision is its text as minuted or, when it names what it concerns, a map: text, indicators,
        // commitments; that one is also linked (Meeting.decisions).
        for (Object d : it.get("decisions") instanceof List<?> l ? l : strings(it.get("decisions"))) {
          if (d instanceof Map<?, ?> linked) {
            @SuppressWarnings("unchecked")
            Map<String, Object> dm = (Map<String, Object>) linked;
            ib.addDecisions(str(dm, "text"));
            b.addDecisions(Decision.newBuilder().setItem(number).setText(str(dm, "text"))
                .addAllIndicators(strings(dm.get("indicators"))).addAllCommitments(strings(dm.get("commitments"))));
          } else if (d != null) {
            ib.addDecisions(d.toString());
          }
        }
        if (!str(it, "presenter").isEmpty()) {
          ib.setPresenter("people/" + str(it, "presenter"));
        }
        b.addItems(ib);
        for (var a : list(it, "actions")) {
          String owner = str(a, "owner");
          String note = str(a, "note");
          if (owner.isEmpty()) {
            owner = "bodies/" + str(m, "body");
            note = note.isEmpty() ? GROUP_OWNS : note + " " + GROUP_OWNS;
          } else if (!owner.contains("/")) {
            owner = "people/" + owner;
          }
          var ac = Action.newBuilder().setItem(number).setText(str(a, "text")).setOwner(owner)
              .setDueText(str(a, "due_text")).setNote(note).addAllIndicators(strings(a.get("indicators")))
              .addAllCommitments(strings(a.get("commitments")));
          date(a.get("due"), path + ".actions.due", problems).ifPresent(d -> ac.setDueDate(Protos.date(d)));
          b.addActions(ac);
          actionCount++;
        }
      }
      attempt(path, "meeting.", problems, () -> {
        Violations v = new Violations();
        meetings.create(MeetingMapper.fromProto(b.build(), "meeting.", v), v, asked -> stored -> false);
      });
    }
    r.setMeetings(mts.size()).setActions(actionCount);

    List<Map<String, Object>> ps = list(root, "improvement_plans");
    for (int i = 0; i < ps.size(); i++) {
      var p = ps.get(i);
      String path = "improvement_plans[" + i + "]";
      if (!ResourceNames.IMPROVEMENT_PLANS.isId(str(p, "id")) || str(p, "title").isEmpty()) {
        problems.add(problem(path, "needs an id (lower-case letters, digits, dashes) and a title"));
        continue;
      }
      ImprovementPlanRow saved = plans.save(new ImprovementPlanRow(null, str(p, "id"), str(p, "title"),
          str(p, "date_text"), str(p, "source")));
      int position = 0;
      List<ImprovementItemRow> its = new ArrayList<>();
      for (var area : list(p, "areas")) {
        for (var it : list(area, "items")) {
          List<String> actions = new ArrayList<>();
          if (!str(it, "action_intro").isEmpty()) {
            actions.add(str(it, "action_intro"));
          }
          actions.addAll(strings(it.get("actions")));
          its.add(ImprovementItemRow.printed(saved.id(), str(area, "ref"), str(area, "title"), str(it, "ref"),
              str(it, "improvement"), Lines.join(actions), str(it, "timescale"), str(it, "owner"),
              str(it, "status"), str(it, "success_measures"), position++));
        }
      }
      planItems.saveAll(its);
    }
    int caaPlans = loadCaaAreasForImprovement(root, ps.isEmpty() ? "" : str(ps.getFirst(), "date_text"));
    List<Map<String, Object>> rs = list(root, "risks");
    for (int i = 0; i < rs.size(); i++) {
      var k = rs.get(i);
      if (str(k, "risk").isEmpty()) {
        problems.add(problem("risks[" + i + "].risk", "is required"));
        continue;
      }
      risks.save(new RiskRow(null, "risk-" + (i + 1), str(k, "ref"), str(k, "risk"), str(k, "owner"),
          str(k, "likelihood"), str(k, "impact"), str(k, "mitigation"), i, 0, 0, null, null, 0));
    }
    r.setImprovementPlans(ps.size() + caaPlans).setRisks(rs.size());
  }

  /** Runs a create; its field violations become problems at {@code path} (the service's prefix replaced). */
  private static void attempt(String path, String prefix, List<ImportProblem> problems, Runnable create) {
    try {
      create.run();
    } catch (ApiException e) {
      if (e.violations().isEmpty()) {
        problems.add(problem(path, e.getMessage()));
      }
      e.violations().forEach(v -> problems.add(problem(path + "." + (v.getField().startsWith(prefix)
          ? v.getField().substring(prefix.length()) : v.getField()), v.getDescription())));
    }
  }

  /** Bodies ordered so that a parent or successor comes before the bodies naming it. */
  private static List<Map<String, Object>> parentsFirst(List<Map<String, Object>> bodies) {
    Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
    bodies.forEach(b -> byId.put(str(b, "id"), b));
    List<Map<String, Object>> out = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    for (String id : byId.keySet()) {
      place(id, byId, placed, new HashSet<>(), out);
    }
    return out;
  }

  private static void place(String id, Map<String, Map<String, Object>> byId, Set<String> placed, Set<String> visiting,
      List<Map<String, Object>> out) {
    if (placed.contains(id) || !byId.containsKey(id) || !visiting.add(id)) {
      return;
    }
    for (String ref : List.of(str(byId.get(id), "parent"), str(byId.get(id), "successor"))) {
      if (!ref.isEmpty()) {
        place(ref, byId, placed, visiting, out);
      }
    }
    placed.add(id);
    out.add(byId.get(id));
  }

  private static <E extends Enum<E> & ProtocolMessageEnum> java.util.Optional<E> enumOf(Class<E> type, Object value,
      String path, List<ImportProblem> problems) {
    if (value == null || value.toString().isBlank()) {
      return java.util.Optional.empty();
    }
    var parsed = ProtoEnums.parse(type, value.toString());
    if (parsed.isEmpty() && problems != null) {
      problems.add(problem(path, "'" + value + "' is not a " + type.getSimpleName()));
    }
    return parsed;
  }

  private static java.util.Optional<LocalDate> date(Object value, String path, List<ImportProblem> problems) {
    if (value == null || value.toString().isBlank()) {
      return java.util.Optional.empty();
    }
    if (value instanceof Date d) {
      return java.util.Optional.of(d.toInstant().atZone(ZoneOffset.UTC).toLocalDate());
    }
    try {
      return java.util.Optional.of(LocalDate.parse(value.toString().strip()));
    } catch (java.time.format.DateTimeParseException e) {
      problems.add(problem(path, "'" + value + "' is not a date like 2007-08-22"));
      return java.util.Optional.empty();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object o) {
    return (Map<String, Object>) o;
  }

  /** The plan the Comprehensive Area Assessment's areas for improvement are loaded as. */
  static final String CAA_PLAN = "caa-areas-for-improvement";
  /** As the column heading words them: these are areas where existing responses are not already underway. */
  static final String CAA_STATUS = "Not already underway";

  /**
   * The CAA's areas for improvement ({@code caa_areas_for_improvement}: Warwickshire's Appendix 1), as an
   * improvement plan of their own, one area per printed row (its theme and outcomes; its ref the row's line in
   * the paper, as the paper numbers none), one item per printed bullet; their status from the column heading.
   * Answers the number of plans loaded (0 or 1).
   */
  private int loadCaaAreasForImprovement(Map<String, Object> root, String dateText) {
    List<Map<String, Object>> rows = list(root, "caa_areas_for_improvement");
    if (rows.isEmpty()) {
      return 0;
    }
    ImprovementPlanRow saved = plans.save(new ImprovementPlanRow(null, CAA_PLAN,
        "Appendix 1: Summary of CAA Issues and Areas for Improvement", dateText,
        str(rows.getFirst(), "source").replaceAll(" line .*", "") + " Appendix 1"));
    List<ImprovementItemRow> its = new ArrayList<>();
    Map<String, Integer> perRow = new java.util.HashMap<>();
    for (var row : rows) {
      String line = str(row, "source").replaceAll("^.* line ", "line ");
      int n = perRow.merge(line, 1, Integer::sum);
      its.add(ImprovementItemRow.printed(saved.id(), line, str(row, "theme") + ": "
          + String.join("; ", strings(row.get("outcome"))), line + " (" + n + ")", str(row, "text"), "", "", "",
          CAA_STATUS, "", its.size()));
    }
    planItems.saveAll(its);
    return 1;
  }

  private static List<Map<String, Object>> list(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (!(v instanceof List<?> l)) {
      return List.of();
    }
    return l.stream().filter(e -> e instanceof Map<?, ?>).map(PartnershipImporter::cast).toList();
  }

  private static List<String> strings(Object v) {
    if (v instanceof List<?> l) {
      return l.stream().filter(java.util.Objects::nonNull).map(Object::toString).toList();
    }
    return v == null || v.toString().isBlank() ? List.of() : List.of(v.toString());
  }

  private static String str(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v instanceof Date d) {
      return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
    return v == null ? "" : v.toString().strip();
  }

  private static ImportProblem problem(String path, String description) {
    return ImportProblem.newBuilder().setPath(path).setDescription(description).build();
  }
}
