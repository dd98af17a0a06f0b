package org.laasuite.indicators.importer;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import com.google.protobuf.ByteString;
import org.laasuite.indicators.v1.ImportProgress;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.laasuite.common.audit.AuditLog;
import org.laasuite.common.grpc.ImportFiles;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.laasuite.indicators.area.AreaRepository;
import org.laasuite.indicators.entry.Entries;
import org.laasuite.indicators.v1.PublicationState;
import org.laasuite.indicators.area.AreaRow;
import org.laasuite.indicators.area.AreaService;
import org.laasuite.indicators.figure.FigureMapper;
import org.laasuite.indicators.figure.FigureText;
import org.laasuite.indicators.figure.FigureValue;
import org.laasuite.indicators.indicator.IndicatorRow;
import org.laasuite.indicators.indicator.IndicatorService;
import org.laasuite.indicators.measure.BaselineRow;
import org.laasuite.indicators.measure.MeasureRepositories.BaselineRepository;
import org.laasuite.indicators.measure.MeasureRepositories.OutturnRepository;
import org.laasuite.indicators.measure.MeasureRepositories.RecordedJudgementRepository;
import org.laasuite.indicators.measure.MeasureRepositories.TargetRepository;
import org.laasuite.indicators.measure.OutturnRevisionRow;
import org.laasuite.indicators.measure.RecordedJudgementRow;
import org.laasuite.indicators.measure.TargetRow;
import org.laasuite.indicators.period.PeriodLabels;
import org.laasuite.indicators.period.PeriodRow;
import org.laasuite.indicators.period.PeriodService;
import org.laasuite.indicators.v1.AreaType;
import org.laasuite.indicators.v1.FigureStatus;
import org.laasuite.indicators.v1.Frequency;
import org.laasuite.indicators.v1.ImportSimpleViewRequest;
import org.laasuite.indicators.v1.ImportSimpleViewResponse;
import org.laasuite.indicators.v1.IndicatorSource;
import org.laasuite.indicators.v1.OutturnStatus;
import org.laasuite.indicators.v1.Polarity;
import org.laasuite.indicators.v1.Rating;
import org.laasuite.type.v1.ImportProblem;
import org.laasuite.type.v1.LaaBlock;

/**
 * Loads an "LAA Simple View" spreadsheet saved as CSV (docs/data-formats.md): one row per
 * indicator with its baseline, the targets for 2005-06 to 2008-09, three yearly updates, the
 * variance and the traffic light. Every figure keeps its original text; a number is stored only
 * where the text has one. The file is checked whole first; every bad row is reported with its
 * line, and nothing is written from a file with problems unless the caller allows it.
 */
@Singleton
public class SimpleViewImporter {

  static final List<String> REQUIRED_COLUMNS = List.of("block", "theme_group", "code", "row", "row_kind", "outcome",
      "measure", "units", "polarity", "baseline_date", "baseline_value", "target_2005_06", "target_2006_07",
      "target_2007_08", "target_2008_09", "update_2004_05_date", "update_2004_05_value", "update_2005_06_date",
      "update_2005_06_value", "update_2006_07_date", "update_2006_07_value", "traffic_light", "comments");
  static final int[] TARGET_YEARS = {2005, 2006, 2007, 2008};
  static final int[] UPDATE_YEARS = {2004, 2005, 2006};
  /** Progress is told every so many rows. */
  private static final int PROGRESS_EVERY = 50;
  /** Drafts written a batch at a time, progress told after each. */
  private static final int WRITE_BATCH = 100;
  private static final Pattern FIGURE_COLUMN = Pattern.compile("baseline_value|target_.*|update_.*_value");

  /** The places the Simple View's figures are for; every import makes sure they exist. */
  static final List<AreaRow> STANDARD_AREAS = List.of(
      new AreaRow(null, AreaRow.CITY, "Coventry (city average)", AreaType.AREA_TYPE_CITY),
      new AreaRow(null, AreaRow.PRIORITY_NEIGHBOURHOODS, "Priority neighbourhoods", AreaType.AREA_TYPE_PRIORITY_NEIGHBOURHOODS),
      new AreaRow(null, AreaRow.REST_OF_CITY, "Rest of the city", AreaType.AREA_TYPE_REST_OF_CITY),
      new AreaRow(null, "bme-proxy-areas", "BME proxy areas", AreaType.AREA_TYPE_BME_PROXY_AREAS),
      new AreaRow(null, "foleshill", "Foleshill ward", AreaType.AREA_TYPE_WARD),
      new AreaRow(null, "legi-area", "LEGI area", AreaType.AREA_TYPE_LEGI_AREA),
      new AreaRow(null, "england", "England", AreaType.AREA_TYPE_COMPARATOR));

  private final IndicatorService indicators;
  private final AreaService areaService;
  private final AreaRepository areas;
  private final PeriodService periods;
  private final BaselineRepository baselines;
  private final TargetRepository targets;
  private final OutturnRepository outturns;
  private final RecordedJudgementRepository judgements;
  private final Entries entries;
  private final AuditLog audit;

  public SimpleViewImporter(IndicatorService indicators, AreaService areaService, AreaRepository areas,
      PeriodService periods, BaselineRepository baselines, TargetRepository targets, OutturnRepository outturns,
      RecordedJudgementRepository judgements, Entries entries, AuditLog audit) {
    this.entries = entries;
    this.indicators = indicators;
    this.areaService = areaService;
    this.areas = areas;
    this.periods = periods;
    this.baselines = baselines;
    this.targets = targets;
    this.outturns = outturns;
    this.judgements = judgements;
    this.audit = audit;
  }

  /** A figure placed in an area. */
  record Placed(String area, FigureValue figure) {
  }

  record OutturnDraft(int startYear, PeriodRow dataPeriod, Placed placed, String note) {
  }

  /** One indicator row, read and checked, before anything is written. */
  record Draft(int line, IndicatorRow indicator, PeriodRow baselinePeriod, Placed baseline, Map<Integer, List<Placed>> targets,
      List<OutturnDraft> outturns, Rating rating, String reason) {
  }

  /** As {@link #importFile(ImportSimpleViewRequest, Consumer)}, telling no one how far it has got. */
  @Transactional
  public ImportSimpleViewResponse importFile(ImportSimpleViewRequest request) {
    return importFile(request, p -> { });
  }

  /**
   * Reads the file (CSV, or an XLSX workbook: told apart by a ZIP file's first bytes), checks every row, and writes
   * them all in this transaction when there is no problem (or the caller allows some); {@code progress} is told of
   * each stage as it goes: "reading", "checking", "writing".
   */
  @Transactional
  public ImportSimpleViewResponse importFile(ImportSimpleViewRequest request, Consumer<ImportProgress> progress) {
    List<ImportProblem> problems = new ArrayList<>();
    List<SheetRow> rows = rows(request.getContent(), problems, progress);
    List<Draft> drafts = check(rows, problems, progress);
    var response = ImportSimpleViewResponse.newBuilder().addAllProblems(problems);
    boolean write = !request.getValidateOnly() && (problems.isEmpty() || request.getAllowPartial())
        && !drafts.isEmpty();
    if (write) {
      write(drafts, response, request.getFileName().isBlank() ? "a Simple View file" : request.getFileName(),
          progress);
      audit.record(AuditLog.IMPORT, ResourceNames.INDICATORS.path(), null,
          response.clone().clearProblems().setWritten(true).build());
    } else {
      response.setIndicators(drafts.size());
      response.setBaselines((int) drafts.stream().filter(d -> d.baseline() != null).count());
      response.setTargets(drafts.stream().mapToInt(d -> d.targets().values().stream().mapToInt(List::size).sum())
          .sum());
      response.setOutturns(drafts.stream().mapToInt(d -> d.outturns().size()).sum());
      response.setJudgements((int) drafts.stream().filter(d -> d.rating() != null).count());
    }
    return response.setWritten(write).build();
  }

  /** The file's rows: a workbook's sheets one after another, or a CSV file's records. */
  private static List<SheetRow> rows(ByteString content, List<ImportProblem> problems,
      Consumer<ImportProgress> progress) {
    if (SimpleViewWorkbook.isWorkbook(content)) {
      return SimpleViewWorkbook.read(content, problems, progress);
    }
    if (SimpleViewWorkbook.isOle2(content)) {
      problems.add(SheetRow.problem("", 0, "", "the file is an Excel 97-2003 workbook (.xls) or a password-protected "
          + "one: save it as an Excel Workbook (.xlsx) without a password, or as CSV (UTF-8)"));
      return List.of();
    }
    String text = ImportFiles.text("", content, problems);
    return text == null ? List.of() : csvRows(text, problems, progress);
  }

  private static List<SheetRow> csvRows(String text, List<ImportProblem> problems, Consumer<ImportProgress> progress) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(false).get();
    List<SheetRow> rows = new ArrayList<>();
    int lastLine = 1;
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
      if (!missing.isEmpty()) {
        problems.add(problem(1, "", "missing columns: " + String.join(", ", missing)));
        return rows;
      }
      for (CSVRecord rec : parser) {
        int line = (int) rec.getRecordNumber() + 1;
        lastLine = line;
        if (!rec.isConsistent()) {
          problems.add(problem(line, "", "has " + rec.size() + " fields; the header has " + parser.getHeaderMap().size()));
          continue;
        }
        rows.add(new SheetRow("", line, rec.toMap(), Map.of()));
        if (rows.size() % PROGRESS_EVERY == 0) {
          progress.accept(progress("reading", rows.size(), 0, ""));
        }
      }
    } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      problems.add(ImportFiles.csvFailure("", e, lastLine + 1));
    }
    progress.accept(progress("reading", rows.size(), rows.size(), ""));
    return rows;
  }

  /** Each row checked and made an indicator's draft; headings joined to the rows they head. */
  private List<Draft> check(List<SheetRow> rows, List<ImportProblem> problems, Consumer<ImportProgress> progress) {
    List<Draft> drafts = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    Map<String, String> headingOf = new LinkedHashMap<>();
    int done = 0;
    for (SheetRow row : rows) {
      if (++done % PROGRESS_EVERY == 0) {
        progress.accept(progress("checking", done, rows.size(), row.sheet()));
      }
      String group = row.get("block") + "|" + row.get("theme_group");
      String kind = row.get("row_kind").strip();
      if (kind.equalsIgnoreCase("heading")) {
        headingOf.put(group, row.get("measure").strip());
        continue;
      }
      if (!kind.equalsIgnoreCase("indicator")) {
        problems.add(row.problem("row_kind", "must be 'indicator' or 'heading', not '" + kind + "'"));
        continue;
      }
      Draft d = draft(row, headingOf.get(group), codes, problems);
      if (d != null) {
        drafts.add(d);
      }
    }
    progress.accept(progress("checking", rows.size(), rows.size(), ""));
    return drafts;
  }

  private static ImportProgress progress(String stage, long done, long total, String sheet) {
    return ImportProgress.newBuilder().setStage(stage).setDone(done).setTotal(total).setSheet(sheet).build();
  }

  private Draft draft(SheetRow rec, String heading, Set<String> codes, List<ImportProblem> problems) {
    int before = problems.size();
    String code = rec.get("code").strip();
    if (code.isEmpty() || !ResourceNames.INDICATORS.isId(code)) {
      problems.add(rec.problem("code", "must be 1 to 63 letters, digits and dashes, not '" + code + "'"));
    } else if (!codes.add(code.toLowerCase(Locale.ROOT))) {
      problems.add(rec.problem("code", code + " appears twice in the file"));
    } else if (indicators.exists(code)) {
      problems.add(rec.problem("code", ResourceNames.INDICATORS.name(code) + " already exists"));
    }
    LaaBlock block = ProtoEnums.parse(LaaBlock.class, rec.get("block")).orElse(null);
    if (block == null || block == LaaBlock.LAA_BLOCK_UNSPECIFIED) {
      problems.add(rec.problem("block", "'" + rec.get("block") + "' is not an LAA block: "
          + "CHILDREN_AND_YOUNG_PEOPLE, SAFER_AND_STRONGER_COMMUNITIES, HEALTHIER_COMMUNITIES_AND_OLDER_PEOPLE or "
          + "ECONOMIC_DEVELOPMENT_AND_ENTERPRISE"));
    }
    Polarity polarity = ProtoEnums.parse(Polarity.class, rec.get("polarity")).orElse(null);
    if (polarity == null || polarity == Polarity.POLARITY_UNSPECIFIED) {
      problems.add(rec.problem("polarity", "must be HIGHER_IS_BETTER or LOWER_IS_BETTER, not '"
          + rec.get("polarity") + "'"));
    }
    String theme = rec.get("theme_group").strip();
    if (theme.isEmpty()) {
      problems.add(rec.problem("theme_group", "is required"));
    }
    // The partnership service's id of the theme group, when the file gives it; else one made from the name.
    String themeBody = rec.has("theme_group_body") ? rec.get("theme_group_body").strip() : "";
    if (!themeBody.isEmpty() && !themeBody.matches("[a-z0-9][a-z0-9-]{0,99}")) {
      problems.add(rec.problem("theme_group_body", "must be a body id (lower-case letters, digits, dashes), not '"
          + themeBody + "'"));
    }
    Rating rating = rating(rec.get("traffic_light"));
    if (rating == Rating.UNRECOGNIZED) {
      problems.add(rec.problem("traffic_light", "'" + rec.get("traffic_light")
          + "' is not Green, Amber, Red or Too early to assess"));
    }
    for (String column : REQUIRED_COLUMNS) {
      int limit = column.equals("outcome") || column.equals("comments") ? Violations.MAX_TEXT : Violations.MAX_TITLE;
      if (rec.get(column).length() > limit) {
        problems.add(rec.problem(column, "is longer than " + limit + " characters"));
      }
    }
    if (problems.size() > before) {
      return null;
    }
    for (String column : REQUIRED_COLUMNS) {
      if (FIGURE_COLUMN.matcher(column).matches() && !placedAll(rec.get(column)).stream()
          .allMatch(p -> FigureMapper.storable(p.figure(), column, new Violations()))) {
        problems.add(rec.problem(column, "holds a number that " + Protos.outOfRange()));
      }
    }
    if (problems.size() > before) {
      return null;
    }

    PeriodRow baselinePeriod = PeriodLabels.parse(rec.get("baseline_date")).orElse(null);
    Placed baseline = placed(rec.get("baseline_value"));
    Map<Integer, List<Placed>> ts = new LinkedHashMap<>();
    for (int year : TARGET_YEARS) {
      List<Placed> t = placedAll(rec.get("target_" + year + "_" + two(year + 1)));
      if (!t.isEmpty()) {
        ts.put(year, t);
      }
    }
    List<Placed> allTargets = ts.values().stream().flatMap(List::stream).toList();
    List<OutturnDraft> os = new ArrayList<>();
    int latestUpdate = 0;
    for (int year : UPDATE_YEARS) {
      String prefix = "update_" + year + "_" + two(year + 1);
      String date = rec.get(prefix + "_date").strip();
      Placed value = placed(rec.get(prefix + "_value"));
      if (value == null) {
        continue;
      }
      latestUpdate = year;
      PeriodRow data = PeriodLabels.parse(date).orElse(null);
      String reporting = "fy-" + year + "-" + two(year + 1);
      String note = data == null && !date.isEmpty() ? "Date of data as written: " + date : "";
      os.add(new OutturnDraft(year, data == null || data.code().equals(reporting) ? null : data, value, note));
    }
    boolean monitorOnly = !ts.isEmpty() && allTargets.stream().noneMatch(p -> p.figure().hasValue())
        && allTargets.stream().anyMatch(p -> p.figure().status() == FigureStatus.FIGURE_STATUS_MONITOR_ONLY);
    String units = rec.get("units").strip();
    String outcome = rec.get("outcome").strip();
    String measure = rec.get("measure").strip();
    String row = rec.get("row").strip();
    IndicatorRow indicator = new IndicatorRow(null, code, title(measure, heading, theme, row), block,
        themeBody.isEmpty() ? bodyName(theme) : "bodies/" + themeBody,
        outcome, units, polarity,
        outcome.toLowerCase(Locale.ROOT).contains("lpsa") ? IndicatorSource.INDICATOR_SOURCE_LPSA_STRETCH : IndicatorSource.INDICATOR_SOURCE_LOCAL, "",
        monitorOnly, units.toLowerCase(Locale.ROOT).startsWith("number"), "", Frequency.FREQUENCY_ANNUAL,
        decimalPlaces(baseline, allTargets, os), null,
        "LAA Simple View " + (row.isEmpty() ? "(row not numbered)" : "row " + row) + ", " + theme, null, null, null,
        0);
    return new Draft(rec.line(), indicator, baselinePeriod, baseline, ts, os,
        rating, rec.get("comments").strip());
  }

  private void write(List<Draft> drafts, ImportSimpleViewResponse.Builder response, String fileName,
      Consumer<ImportProgress> progress) {
    response.setAreas(areaService.ensure(STANDARD_AREAS));
    Map<String, Long> areaIds = new LinkedHashMap<>();
    areas.listOrderByCode().forEach(a -> areaIds.put(a.code(), a.id()));

    Map<String, PeriodRow> wanted = new LinkedHashMap<>();
    for (Draft d : drafts) {
      if (d.baselinePeriod() != null) {
        wanted.putIfAbsent(d.baselinePeriod().code(), d.baselinePeriod());
      }
      d.targets().keySet().forEach(y -> wanted.computeIfAbsent(fy(y), c -> PeriodLabels.financialYear(y, label(y))));
      for (OutturnDraft o : d.outturns()) {
        wanted.computeIfAbsent(fy(o.startYear()), c -> PeriodLabels.financialYear(o.startYear(), label(o.startYear())));
        if (o.dataPeriod() != null) {
          wanted.putIfAbsent(o.dataPeriod().code(), o.dataPeriod());
        }
      }
      if (d.rating() != null) {
        int y = d.outturns().isEmpty() ? 2006 : d.outturns().getLast().startYear();
        wanted.computeIfAbsent(fy(y), c -> PeriodLabels.financialYear(y, label(y)));
      }
    }
    long periodsBefore = periods.count();
    Map<String, PeriodRow> stored = periods.ensure(wanted.values());
    response.setPeriods((int) (periods.count() - periodsBefore));

    // The Simple View is the partnership's published report: what it holds is published as it is loaded.
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    int written = 0;
    int baselineCount = 0;
    int targetCount = 0;
    int outturnCount = 0;
    int judgementCount = 0;
    progress.accept(progress("writing", 0, drafts.size(), ""));
    for (int from = 0; from < drafts.size(); from += WRITE_BATCH) {
      List<Draft> batch = drafts.subList(from, Math.min(drafts.size(), from + WRITE_BATCH));
      List<IndicatorRow> saved = indicators.saveAll(batch.stream().map(Draft::indicator).toList());
      List<BaselineRow> bs = new ArrayList<>();
      List<TargetRow> ts = new ArrayList<>();
      List<OutturnRevisionRow> os = new ArrayList<>();
      List<RecordedJudgementRow> js = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        Draft d = batch.get(i);
        long id = saved.get(i).id();
        if (d.baseline() != null) {
          bs.add(new BaselineRow(null, id, d.baselinePeriod() == null ? null
              : stored.get(d.baselinePeriod().code()).id(), areaIds.get(d.baseline().area()), d.baseline().figure(),
              null));
        }
        d.targets().forEach((year, placed) -> placed.forEach(t -> ts.add(new TargetRow(null, id,
            stored.get(fy(year)).id(), areaIds.get(t.area()), t.figure(), null))));
        for (OutturnDraft o : d.outturns()) {
          os.add(OutturnRevisionRow.first(id, stored.get(fy(o.startYear())).id(),
              o.dataPeriod() == null ? null : stored.get(o.dataPeriod().code()).id(), areaIds.get(o.placed().area()),
              o.placed().figure(), OutturnStatus.OUTTURN_STATUS_FINAL, null, "LAA Simple View", o.note(),
              "Imported from " + fileName).in(PublicationState.PUBLICATION_STATE_PUBLISHED, now));
        }
        if (d.rating() != null) {
          int y = d.outturns().isEmpty() ? 2006 : d.outturns().getLast().startYear();
          js.add(new RecordedJudgementRow(null, id, stored.get(fy(y)).id(), d.rating(), d.reason(),
              "Imported from " + fileName, null, PublicationState.PUBLICATION_STATE_PUBLISHED, now));
        }
      }
      baselines.saveAll(bs);
      targets.saveAll(ts);
      outturns.saveAll(os);
      judgements.saveAll(js);
      entries.published(os.stream().map(o -> new Entries.Key(o.indicatorId(), o.periodId())).toList(), now);
      entries.published(js.stream().map(j -> new Entries.Key(j.indicatorId(), j.periodId())).toList(), now);
      written += saved.size();
      baselineCount += bs.size();
      targetCount += ts.size();
      outturnCount += os.size();
      judgementCount += js.size();
      progress.accept(progress("writing", written, drafts.size(), ""));
    }
    response.setIndicators(written).setBaselines(baselineCount).setTargets(targetCount).setOutturns(outturnCount)
        .setJudgements(judgementCount);
  }

  /** "City 86: PN 105", "City 15%: PN 17.3%", "City 122; PN 137": one cell, two areas' figures. */
  private static final Pattern CITY_AND_PN = Pattern.compile("(?i)\\s*city\\s+(.+?)\\s*[:;]\\s*pns?\\s+(.+?)\\s*");

  /**
   * The figures in a cell with the areas they are for: one, or the city's and the priority
   * neighbourhoods' when the cell gives both, each keeping the whole cell as its original text.
   */
  static List<Placed> placedAll(String cell) {
    Matcher m = CITY_AND_PN.matcher(cell);
    if (m.matches()) {
      FigureValue city = FigureText.parse(m.group(1));
      FigureValue pn = FigureText.parse(m.group(2));
      if (city != null && pn != null && city.hasValue() && pn.hasValue()) {
        String text = cell.strip();
        return List.of(new Placed(AreaRow.CITY, city.withOriginalText(text)),
            new Placed(AreaRow.PRIORITY_NEIGHBOURHOODS, pn.withOriginalText(text)));
      }
    }
    Placed one = placed(cell);
    return one == null ? List.of() : List.of(one);
  }

  /** The figure in a cell and the area it is for (the city unless the text says otherwise). */
  static Placed placed(String cell) {
    FigureValue f = FigureText.parse(cell);
    if (f == null) {
      return null;
    }
    String lower = f.originalText().toLowerCase(Locale.ROOT);
    String qualifier = lower.replaceFirst("^[^(a-z]*", "");
    String area = AreaRow.CITY;
    if (f.hasValue() && (qualifier.startsWith("(") || qualifier.startsWith("in "))) {
      if (qualifier.contains("priority") || qualifier.matches("in pns.*")) {
        area = AreaRow.PRIORITY_NEIGHBOURHOODS;
      } else if (qualifier.contains("foleshill")) {
        area = "foleshill";
      } else if (qualifier.contains("legi")) {
        area = "legi-area";
      }
    }
    return new Placed(area, f);
  }

  static String title(String measure, String heading, String theme, String row) {
    if (measure.isEmpty()) {
      return theme + (row.isEmpty() ? "" : " row " + row) + " (the source gives no measure)";
    }
    boolean continues = measure.length() < 40 || Character.isLowerCase(measure.charAt(0));
    return heading != null && continues ? heading + " " + measure : measure;
  }

  /** "bodies/children-and-young-persons-strategic-partnership". */
  public static String bodyName(String theme) {
    String slug = theme.toLowerCase(Locale.ROOT).replace("&", " and ").replace("'", "")
        .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "" : "bodies/" + (slug.length() > 100 ? slug.substring(0, 100).replaceAll("-+$", "") : slug);
  }

  private static int decimalPlaces(Placed baseline, java.util.Collection<Placed> targets, List<OutturnDraft> os) {
    int places = 0;
    List<FigureValue> all = new ArrayList<>();
    if (baseline != null) {
      all.add(baseline.figure());
    }
    targets.forEach(t -> all.add(t.figure()));
    os.forEach(o -> all.add(o.placed().figure()));
    for (FigureValue f : all) {
      if (f.hasValue()) {
        places = Math.max(places, Math.max(0, f.value().scale()));
      }
    }
    return Math.min(places, 3);
  }

  static Rating rating(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "" -> null;
      case "green" -> Rating.RATING_GREEN;
      case "amber" -> Rating.RATING_AMBER;
      case "red" -> Rating.RATING_RED;
      case "too early to assess", "too early" -> Rating.RATING_TOO_EARLY_TO_ASSESS;
      default -> Rating.UNRECOGNIZED;
    };
  }


  private static ImportProblem problem(int line, String column, String description) {
    return ImportProblem.newBuilder().setLine(line).setColumn(column).setDescription(description).build();
  }

  private static String fy(int startYear) {
    return "fy-" + startYear + "-" + two(startYear + 1);
  }

  private static String label(int startYear) {
    return startYear + "-" + two(startYear + 1);
  }

  private static String two(int year) {
    return String.format("%02d", year % 100);
  }
}
