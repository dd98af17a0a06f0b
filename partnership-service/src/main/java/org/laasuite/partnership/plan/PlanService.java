package org.laasuite.partnership.plan;

import io.grpc.Status;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.laasuite.common.audit.AuditLog;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Etags;
import org.laasuite.common.grpc.FieldMasks;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.partnership.plan.PlanRepositories.ImprovementItemRepository;
import org.laasuite.partnership.plan.PlanRepositories.ImprovementPlanRepository;
import org.laasuite.partnership.plan.PlanRepositories.ProgressNoteRepository;
import org.laasuite.partnership.plan.PlanRepositories.RiskRepository;
import org.laasuite.partnership.meeting.MeetingRepositories.ActionRepository;
import org.laasuite.partnership.v1.ImprovementItem;
import org.laasuite.partnership.v1.ImprovementPlan;
import org.laasuite.partnership.v1.ProgressNote;
import org.laasuite.partnership.v1.Risk;
import org.laasuite.partnership.v1.RiskStatus;

/** Improvement plans and the risk register. */
@Singleton
public class PlanService {

  private final ImprovementPlanRepository plans;
  private final ImprovementItemRepository items;
  private final ProgressNoteRepository notes;
  private final RiskRepository risks;
  private final ActionRepository actions;

  private final AuditLog audit;

  public PlanService(ImprovementPlanRepository plans, ImprovementItemRepository items, ProgressNoteRepository notes,
      RiskRepository risks, ActionRepository actions, AuditLog audit) {
    this.audit = audit;
    this.plans = plans;
    this.items = items;
    this.notes = notes;
    this.risks = risks;
    this.actions = actions;
  }

  public ImprovementPlanRow get(String name) {
    return ResourceNames.IMPROVEMENT_PLANS.find(name, "name", plans::findByCode);
  }

  public Pages.Slice<ImprovementPlanRow> list(Pages.Page page) {
    return page.slice(plans.page(page.size(), page.offset()));
  }

  /** The items of {@code ps} by plan id, in order: one statement for any number of plans. */
  public Map<Long, List<ImprovementItemRow>> itemsOf(List<ImprovementPlanRow> ps) {
    return ps.isEmpty() ? Map.of()
        : items.findByPlanIdInOrderByPosition(ps.stream().map(ImprovementPlanRow::id).toList()).stream()
            .collect(Collectors.groupingBy(ImprovementItemRow::planId));
  }

  /** The progress notes of {@code its} by item id, oldest first: one statement for any number of items. */
  public Map<Long, List<ProgressNoteRow>> notesOf(Collection<ImprovementItemRow> its) {
    return its.isEmpty() ? Map.of()
        : notes.findByItemIdInOrderById(its.stream().map(ImprovementItemRow::id).toList()).stream()
            .collect(Collectors.groupingBy(ProgressNoteRow::itemId));
  }

  /** The plan {@code p} as the API shows it: its areas, items and their notes. */
  public ImprovementPlan toProto(ImprovementPlanRow p, List<ImprovementItemRow> its) {
    return PlanMapper.toProto(p, its, notesOf(its));
  }

  /**
   * Adds item {@code in} to area {@code areaRef} of plan {@code parent} (an area the plan lacks taking
   * {@code areaTitle}), after the plan's other items; checked whole, nothing written when anything is wrong.
   */
  @Transactional
  public ImprovementItem createItem(String parent, String areaRef, String areaTitle, ImprovementItem in) {
    ImprovementPlanRow plan = ResourceNames.IMPROVEMENT_PLANS.find(parent, "parent", plans::findByCode);
    Violations v = new Violations();
    v.check(!areaRef.isBlank() && areaRef.length() <= 20 && !areaRef.contains("\n"), "area_ref",
        "must be one line of 1 to 20 characters");
    List<ImprovementItemRow> area = items.findByPlanIdAndAreaRef(plan.id(), areaRef);
    String title = area.isEmpty() ? areaTitle : area.getFirst().areaTitle();
    if (area.isEmpty()) {
      v.requiredText(areaTitle, Violations.MAX_TEXT, "area_title");
    }
    ImprovementItemRow base = new ImprovementItemRow(null, plan.id(), areaRef, title, "", "", "", "", "", "", "", 0,
        null, "", "", 0);
    ImprovementItemRow asked = PlanMapper.itemFromProto(in, "item.", base, v);
    actionsExist(in.getLinkedActionsList(), "item.linked_actions", v);
    v.throwIfAny();
    if (items.existsByPlanIdAndRef(plan.id(), asked.ref())) {
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "IMPROVEMENT_ITEM_ALREADY_EXISTS",
          parent + " already has an item " + asked.ref(), "item.ref");
    }
    ImprovementItemRow saved = items.save(new ImprovementItemRow(null, plan.id(), areaRef, title, asked.ref(),
        asked.improvement(), asked.actions(), asked.timescale(), asked.owner(), asked.status(),
        asked.successMeasures(), items.nextPosition(plan.id()), asked.dueDate(), asked.indicators(),
        asked.linkedActions(), 0));
    ImprovementItem made = PlanMapper.toProto(plan.code(), saved, List.of());
    audit.record(AuditLog.CREATE, made.getName(), null, made);
    return made;
  }

  /**
   * Changes the fields {@code paths} names of item {@code name}, its row locked, and adds {@code note} (when not
   * null) after its earlier notes, written by {@code author} on {@code today} unless dated; all or nothing.
   */
  @Transactional
  public ImprovementItem updateItem(String name, String etag, ImprovementItem in, Set<String> paths,
      @Nullable ProgressNote note, String author, LocalDate today) {
    Violations v = new Violations();
    var parsed = ResourceNames.child(name, ResourceNames.IMPROVEMENT_PLANS, PlanMapper.ITEMS, "item.name", v);
    v.throwIfAny();
    ImprovementPlanRow plan = plans.findByCode(parsed.parent()).orElseThrow(() -> ApiException.notFound(
        "IMPROVEMENT_ITEM", name));
    ImprovementItemRow existing = items.lockById(parsed.id()).filter(i -> i.planId() == plan.id())
        .orElseThrow(() -> ApiException.notFound("IMPROVEMENT_ITEM", name));
    Etags.check(etag, existing.etag(), name);
    ImprovementItem old = PlanMapper.toProto(plan.code(), existing, notes.findByItemIdInOrderById(
        List.of(existing.id())));
    ImprovementItem merged = FieldMasks.merge(old, in, paths);
    ImprovementItemRow checked = PlanMapper.itemFromProto(merged, "item.", existing, v);
    if (paths.contains("linked_actions")) {
      actionsExist(merged.getLinkedActionsList(), "item.linked_actions", v);
    }
    LocalDate noteDate = today;
    if (note != null) {
      v.requiredText(note.getText(), Violations.MAX_TEXT, "add_progress_note.text");
      if (note.hasDate()) {
        noteDate = Protos.date(note.getDate(), "add_progress_note.date", v).orElse(today);
      }
    }
    v.throwIfAny();
    ImprovementItemRow updated = items.update(new ImprovementItemRow(existing.id(), existing.planId(),
        existing.areaRef(), existing.areaTitle(), existing.ref(), checked.improvement(), existing.actions(),
        checked.timescale(), checked.owner(), checked.status(), checked.successMeasures(), existing.position(),
        checked.dueDate(), checked.indicators(), checked.linkedActions(), existing.version() + 1));
    if (note != null) {
      notes.save(new ProgressNoteRow(null, existing.id(), noteDate, note.getText().strip(), author));
    }
    ImprovementItem now = PlanMapper.toProto(plan.code(), updated, notes.findByItemIdInOrderById(
        List.of(existing.id())));
    audit.record(AuditLog.UPDATE, name, old, now);
    return now;
  }

  /** A violation of {@code field}[k] for each well-formed "actions/{id}" of {@code names} that does not exist. */
  private void actionsExist(List<String> names, String field, Violations v) {
    for (int k = 0; k < names.size() && k < ResourceNames.MAX_BATCH; k++) {
      String name = names.get(k);
      if (ResourceNames.ACTIONS.isName(name)) {
        long id = Long.parseLong(name.substring(ResourceNames.ACTIONS.path().length() + 1));
        v.check(actions.existsById(id), field + "[" + k + "]", name + " does not exist");
      }
    }
  }

  public Pages.Slice<RiskRow> risks(Pages.Page page) {
    return page.slice(risks.page(page.size(), page.offset()));
  }

  /**
   * Adds a risk, checked whole; a risk of the same id already there is the answer when it is the one asked
   * for, else ALREADY_EXISTS.
   */
  @Transactional
  public RiskRow createRisk(Risk in) {
    Violations v = new Violations();
    RiskRow asked = PlanMapper.fromProto(in, "risk.", true, v);
    v.throwIfAny();
    var stored = risks.findByCode(asked.code());
    if (stored.isPresent()) {
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "RISK_ALREADY_EXISTS",
          ResourceNames.RISKS.name(asked.code()) + " already exists", "risk.id");
    }
    RiskRow saved = risks.save(new RiskRow(null, asked.code(), asked.ref(), asked.risk(), asked.owner(),
        asked.likelihood(), asked.impact(), asked.mitigation(), risks.nextPosition(), asked.likelihoodScore(),
        asked.impactScore(), asked.reviewDate(), asked.status() == null ? RiskStatus.RISK_STATUS_OPEN : asked.status(),
        0));
    audit.record(AuditLog.CREATE, ResourceNames.RISKS.name(saved.code()), null, PlanMapper.toProto(saved));
    return saved;
  }

  /**
   * Changes the fields {@code paths} names of risk {@code name}, its row locked; the rest, the text as
   * imported included, stays. Nothing is written when anything is wrong.
   */
  @Transactional
  public RiskRow updateRisk(String name, String etag, Risk in, Set<String> paths) {
    RiskRow existing = ResourceNames.RISKS.find(name, "risk.name", risks::lockByCode);
    Etags.check(etag, existing.etag(), name);
    Risk old = PlanMapper.toProto(existing);
    Risk merged = FieldMasks.merge(old, in, paths);
    Violations v = new Violations();
    RiskRow checked = PlanMapper.fromProto(merged, "risk.", false, v);
    for (String f : List.of("likelihood_score", "impact_score")) {
      if (paths.contains(f)) {
        int score = f.equals("likelihood_score") ? merged.getLikelihoodScore() : merged.getImpactScore();
        v.check(score >= 1 && score <= 5, "risk." + f, "must be 1 to 5, not " + score);
      }
    }
    v.throwIfAny();
    RiskRow updated = risks.update(new RiskRow(existing.id(), existing.code(), checked.ref(), checked.risk(),
        checked.owner(), checked.likelihood(), checked.impact(), checked.mitigation(), existing.position(),
        checked.likelihoodScore(), checked.impactScore(), checked.reviewDate(), checked.status(),
        existing.version() + 1));
    audit.record(AuditLog.UPDATE, name, old, PlanMapper.toProto(updated));
    return updated;
  }
}
