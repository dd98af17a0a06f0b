package org.laasuite.indicators.comparator;

import io.grpc.Status;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.laasuite.common.audit.AuditLog;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.indicators.area.AreaRepository;
import org.laasuite.indicators.area.AreaRow;
import org.laasuite.indicators.figure.FigureValue;
import org.laasuite.indicators.indicator.IndicatorRow;
import org.laasuite.indicators.indicator.IndicatorService;
import org.laasuite.indicators.period.PeriodRepository;
import org.laasuite.indicators.period.PeriodRow;
import org.laasuite.indicators.v1.ComparatorFigure;
import org.laasuite.indicators.v1.FigureStatus;

/**
 * Comparator groups and their figures: one figure per group, indicator, period and area. A create of what is stored
 * already answers the stored one (a retry); of something else there, ALREADY_EXISTS. An import is all or nothing.
 */
@Singleton
public class ComparatorService {

  /** A figure as a request gives it: its group and period by code (null when the request's were unusable). */
  public record FigureDraft(@Nullable String groupCode, @Nullable String periodCode, @Nullable String localAreaCode,
      String area,
      @Nullable FigureValue figure, String source, String quote, String note) {
  }

  /** A figure of the indicator {@code indicatorCode} (null when the request's name was unusable). */
  public record IndicatorFigure(@Nullable String indicatorCode, FigureDraft draft) {
  }

  /** A stored figure with the codes that name it. */
  public record Named(ComparatorFigureRow row, String indicatorCode, String groupCode, String periodCode,
      String localAreaCode) {

    public ComparatorFigure toProto() {
      return ComparatorMapper.toProto(indicatorCode, groupCode, periodCode, localAreaCode, row);
    }
  }

  /** What an import answers: the groups and figures in the order asked, and how many of each it created. */
  public record Imported(List<ComparatorGroupRow> groups, List<Named> figures, int groupsCreated,
      int figuresCreated) {
  }

  private final ComparatorRepositories.GroupRepository groups;
  private final ComparatorRepositories.FigureRepository figures;
  private final PeriodRepository periods;
  private final AreaRepository areas;
  private final IndicatorService indicators;
  private final AuditLog audit;

  public ComparatorService(ComparatorRepositories.GroupRepository groups,
      ComparatorRepositories.FigureRepository figures, PeriodRepository periods, AreaRepository areas,
      IndicatorService indicators, AuditLog audit) {
    this.areas = areas;
    this.groups = groups;
    this.figures = figures;
    this.periods = periods;
    this.indicators = indicators;
    this.audit = audit;
  }

  /**
   * Saves {@code candidate}; if its id is taken, answers the stored one when {@code sameAsAsked} says it is what was
   * asked for (a retried create), and ALREADY_EXISTS otherwise.
   */
  @Transactional
  public ComparatorGroupRow createGroup(ComparatorGroupRow candidate, Predicate<ComparatorGroupRow> sameAsAsked) {
    var existing = groups.findByCode(candidate.code());
    if (existing.isPresent() && sameAsAsked.test(existing.get())) {
      return existing.get();
    }
    if (existing.isPresent()) {
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "COMPARATOR_GROUP_ALREADY_EXISTS",
          ResourceNames.COMPARATOR_GROUPS.name(candidate.code()) + " already exists", "comparator_group.id");
    }
    return savedGroup(candidate);
  }

  /** A page of every group, by id. */
  public Pages.Slice<ComparatorGroupRow> listGroups(Pages.Page page) {
    return page.slice(groups.page(page.size(), page.offset()));
  }

  /** Saves the figure {@code d} of {@code indicator}, or answers the same one stored (a retry). */
  @Transactional
  public Named createFigure(IndicatorRow indicator, FigureDraft d, Violations v) {
    var found = found(List.of(d));
    ComparatorFigureRow candidate = candidate(indicator, d, "comparator_figure.", found, Map.of(), v);
    v.throwIfAny();
    var stored = stored(candidate);
    if (stored != null && !sameFigure(stored, candidate)) {
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "COMPARATOR_FIGURE_ALREADY_EXISTS",
          indicator.name() + " has another " + d.area() + " figure of " + ResourceNames.PERIODS.name(d.periodCode())
              + " in " + ResourceNames.COMPARATOR_GROUPS.name(d.groupCode()) + ": "
              + ComparatorMapper.toProto(indicator.code(), d.groupCode(), d.periodCode(), d.localAreaCode(), stored)
                  .getName(),
          "comparator_figure");
    }
    return new Named(stored != null ? stored : savedFigure(candidate, indicator.code(), d), indicator.code(),
        d.groupCode(), d.periodCode(), d.localAreaCode());
  }

  /** A page of the figures of {@code indicator} (of every indicator when null). */
  public Pages.Slice<Named> listFigures(@Nullable IndicatorRow indicator, Pages.Page page) {
    var rows = figures.page(indicator == null ? null : indicator.id(), page.size(), page.offset());
    return page.slice(named(rows));
  }

  /** Names {@code rows} by codes: four statements whatever their number. */
  private List<Named> named(List<ComparatorFigureRow> rows) {
    Map<Long, String> indicatorCodes = new HashMap<>();
    indicators.byIds(rows.stream().map(ComparatorFigureRow::indicatorId).distinct().toList())
        .forEach(i -> indicatorCodes.put(i.id(), i.code()));
    Map<Long, String> groupCodes = new HashMap<>();
    groups.findByIdIn(rows.stream().map(ComparatorFigureRow::groupId).distinct().toList())
        .forEach(g -> groupCodes.put(g.id(), g.code()));
    Map<Long, String> periodCodes = new HashMap<>();
    periods.findByIdIn(rows.stream().map(ComparatorFigureRow::periodId).distinct().toList())
        .forEach(p -> periodCodes.put(p.id(), p.code()));
    Map<Long, String> areaCodes = new HashMap<>();
    areas.findByIdIn(rows.stream().map(ComparatorFigureRow::localAreaId).distinct().toList())
        .forEach(a -> areaCodes.put(a.id(), a.code()));
    return rows.stream().map(f -> new Named(f, indicatorCodes.get(f.indicatorId()), groupCodes.get(f.groupId()),
        periodCodes.get(f.periodId()), areaCodes.get(f.localAreaId()))).toList();
  }

  /**
   * The groups and figures of a file, all or none: every problem named by its place in the request ("groups[0].kind",
   * "figures[2].comparator_figure.period"; their shape already in {@code v}); what is stored already as given is kept.
   */
  @Transactional
  public Imported importAll(List<ComparatorGroupRow> askedGroups, List<IndicatorFigure> asked, Violations v) {
    Map<String, ComparatorGroupRow> storedGroups = groupsByCode(askedGroups.stream().map(ComparatorGroupRow::code)
        .filter(Objects::nonNull).toList());
    Map<String, ComparatorGroupRow> fileGroups = new HashMap<>();
    for (int i = 0; i < askedGroups.size(); i++) {
      ComparatorGroupRow g = askedGroups.get(i);
      ComparatorGroupRow before = fileGroups.putIfAbsent(g.code(), g);
      v.check(before == null || sameGroup(before, g), "groups[" + i + "].id",
          "comparatorGroups/" + g.code() + " is given twice, differently");
      ComparatorGroupRow stored = storedGroups.get(g.code());
      v.check(stored == null || sameGroup(stored, g), "groups[" + i + "].id", "comparatorGroups/" + g.code()
          + " already exists with another title, kind, source or note");
    }
    List<FigureDraft> drafts = asked.stream().map(IndicatorFigure::draft).toList();
    var found = found(drafts);
    Map<String, IndicatorRow> byCode = indicators.byCodes(asked.stream().map(IndicatorFigure::indicatorCode)
        .filter(Objects::nonNull).distinct().toList());
    // What is stored of the file's indicators, read once: a figure's slot is its indicator, group, period and area.
    Map<List<Object>, ComparatorFigureRow> storedFigures = new HashMap<>();
    List<Long> indicatorIds = byCode.values().stream().map(IndicatorRow::id).toList();
    if (!indicatorIds.isEmpty()) {
      figures.findByIndicatorIdIn(indicatorIds).forEach(f -> storedFigures.put(slot(f), f));
    }
    List<ComparatorFigureRow> candidates = new ArrayList<>();
    Map<List<Object>, Integer> seen = new HashMap<>();
    for (int i = 0; i < asked.size(); i++) {
      String at = "figures[" + i + "]";
      String code = asked.get(i).indicatorCode();
      IndicatorRow indicator = code == null ? null : byCode.get(code);
      if (code != null && indicator == null) {
        v.add(at + ".parent", ResourceNames.INDICATORS.name(code) + " does not exist");
      } else if (indicator != null && indicator.archived()) {
        v.add(at + ".parent", indicator.name() + " is archived; undelete it to record figures");
      }
      ComparatorFigureRow c = candidate(indicator, asked.get(i).draft(), at + ".comparator_figure.", found, fileGroups,
          v);
      candidates.add(c);
      if (c != null) {
        Integer first = seen.putIfAbsent(slot(c), i);
        v.check(first == null, at + ".comparator_figure.area", "the same group, period and area as figures[" + first
            + "]");
        var stored = first == null ? storedFigures.get(slot(c)) : null;
        v.check(stored == null || sameFigure(stored, c), at + ".comparator_figure", "another figure of this group,"
            + " period and area is stored for " + code + ": " + (stored == null ? ""
            : asNamed(stored, code, asked.get(i).draft()).toProto().getName()));
      }
    }
    v.throwIfAny();
    int groupsCreated = 0;
    List<ComparatorGroupRow> outGroups = new ArrayList<>();
    Map<String, ComparatorGroupRow> saved = new HashMap<>(storedGroups);
    for (ComparatorGroupRow g : askedGroups) {
      if (!saved.containsKey(g.code())) {
        saved.put(g.code(), savedGroup(g));
        groupsCreated++;
      }
      outGroups.add(saved.get(g.code()));
    }
    int figuresCreated = 0;
    List<Named> outFigures = new ArrayList<>();
    for (int i = 0; i < asked.size(); i++) {
      FigureDraft d = asked.get(i).draft();
      ComparatorFigureRow c = candidates.get(i);
      if (c.groupId() < 0) { // a group of this file, saved just now
        c = withGroup(c, saved.get(d.groupCode()).id());
      }
      var stored = c.groupId() < 0 ? null : storedFigures.get(slot(c));
      if (stored == null) {
        stored = savedFigure(c, asked.get(i).indicatorCode(), d);
        figuresCreated++;
      }
      outFigures.add(asNamed(stored, asked.get(i).indicatorCode(), d));
    }
    return new Imported(outGroups, outFigures, groupsCreated, figuresCreated);
  }

  /** The groups, periods and local areas a request's figures name, read at once. */
  private record Found(Map<String, ComparatorGroupRow> groups, Map<String, PeriodRow> periods,
      Map<String, AreaRow> areas) {
  }

  private Found found(List<FigureDraft> drafts) {
    List<String> areaCodes = codes(drafts, FigureDraft::localAreaCode);
    return new Found(groupsByCode(codes(drafts, FigureDraft::groupCode)),
        periodsByCode(codes(drafts, FigureDraft::periodCode)), areaCodes.isEmpty() ? Map.of()
            : areas.findByCodeIn(areaCodes).stream().collect(Collectors.toMap(AreaRow::code, Function.identity())));
  }

  private static Named asNamed(ComparatorFigureRow row, String indicatorCode, FigureDraft d) {
    return new Named(row, indicatorCode, d.groupCode(), d.periodCode(), d.localAreaCode());
  }

  /**
   * The row {@code d} makes for {@code indicator}, or null with violations under {@code p}. A group of
   * {@code fileGroups} not yet stored gets a negative group id until it is saved.
   */
  private static ComparatorFigureRow candidate(@Nullable IndicatorRow indicator, FigureDraft d, String p, Found found,
      Map<String, ComparatorGroupRow> fileGroups, Violations v) {
    ComparatorGroupRow group = d.groupCode() == null ? null : found.groups().get(d.groupCode());
    long groupId = group != null ? group.id() : -1;
    if (d.groupCode() != null && group == null && !fileGroups.containsKey(d.groupCode())) {
      v.add(p + "group", ResourceNames.COMPARATOR_GROUPS.name(d.groupCode()) + " does not exist");
    }
    PeriodRow period = d.periodCode() == null ? null : found.periods().get(d.periodCode());
    if (d.periodCode() != null && period == null) {
      v.add(p + "period", ResourceNames.PERIODS.name(d.periodCode()) + " does not exist");
    }
    AreaRow local = d.localAreaCode() == null ? null : found.areas().get(d.localAreaCode());
    if (d.localAreaCode() != null && local == null) {
      v.add(p + "local_area", ResourceNames.AREAS.name(d.localAreaCode()) + " does not exist");
    }
    if (d.figure() != null && d.figure().status() != FigureStatus.FIGURE_STATUS_VALUE) {
      v.add(p + "figure", "'" + d.figure().originalText() + "' has no number: a comparator figure needs one");
    }
    if (indicator == null || d.groupCode() == null || (group == null && !fileGroups.containsKey(d.groupCode()))
        || period == null || local == null || d.figure() == null || d.area().isEmpty() || !d.figure().hasValue()) {
      return null;
    }
    return new ComparatorFigureRow(null, indicator.id(), groupId, period.id(), d.area(), local.id(), d.figure(),
        d.source(), d.quote(), d.note(), null);
  }

  private static ComparatorFigureRow withGroup(ComparatorFigureRow c, long groupId) {
    return new ComparatorFigureRow(c.id(), c.indicatorId(), groupId, c.periodId(), c.area(), c.localAreaId(),
        c.figure(), c.source(), c.quote(), c.note(), c.createTime());
  }

  /** The slot a figure fills: one figure per indicator, group, period and area. */
  private static List<Object> slot(ComparatorFigureRow f) {
    return List.of(f.indicatorId(), f.groupId(), f.periodId(), f.area());
  }

  private @Nullable ComparatorFigureRow stored(ComparatorFigureRow c) {
    return figures.findByIndicatorIdAndGroupIdAndPeriodIdAndArea(c.indicatorId(), c.groupId(), c.periodId(),
        c.area()).orElse(null);
  }

  private static boolean sameFigure(ComparatorFigureRow a, ComparatorFigureRow b) {
    return withGroup(a, a.groupId()).equals(new ComparatorFigureRow(a.id(), b.indicatorId(), b.groupId(),
        b.periodId(), b.area(), b.localAreaId(), b.figure(), b.source(), b.quote(), b.note(), a.createTime()));
  }

  private static boolean sameGroup(ComparatorGroupRow a, ComparatorGroupRow b) {
    return a.code().equals(b.code()) && a.title().equals(b.title()) && a.kind() == b.kind()
        && a.source().equals(b.source()) && a.note().equals(b.note());
  }

  private ComparatorGroupRow savedGroup(ComparatorGroupRow candidate) {
    ComparatorGroupRow saved = groups.save(candidate);
    audit.record(AuditLog.CREATE, ResourceNames.COMPARATOR_GROUPS.name(saved.code()), null,
        ComparatorMapper.toProto(saved));
    return saved;
  }

  private ComparatorFigureRow savedFigure(ComparatorFigureRow candidate, String indicatorCode, FigureDraft d) {
    ComparatorFigureRow saved = figures.save(candidate);
    ComparatorFigure proto = asNamed(saved, indicatorCode, d).toProto();
    audit.record(AuditLog.CREATE, proto.getName(), null, proto);
    return saved;
  }

  private static List<String> codes(Collection<FigureDraft> drafts, Function<FigureDraft, String> code) {
    return drafts.stream().map(code).filter(Objects::nonNull).distinct().toList();
  }

  private Map<String, ComparatorGroupRow> groupsByCode(List<String> codes) {
    return codes.isEmpty() ? new HashMap<>() : groups.findByCodeIn(codes).stream()
        .collect(Collectors.toMap(ComparatorGroupRow::code, Function.identity()));
  }

  private Map<String, PeriodRow> periodsByCode(List<String> codes) {
    return codes.isEmpty() ? Map.of() : periods.findByCodeIn(codes).stream()
        .collect(Collectors.toMap(PeriodRow::code, Function.identity()));
  }
}
