package org.laasuite.indicators.exporter;

import com.google.protobuf.ByteString;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.common.grpc.Violations;
import org.laasuite.indicators.area.AreaRow;
import org.laasuite.indicators.figure.FigureValue;
import org.laasuite.indicators.importer.SimpleViewLayout;
import org.laasuite.indicators.indicator.IndicatorMapper;
import org.laasuite.indicators.indicator.IndicatorRow;
import org.laasuite.indicators.measure.OutturnRevisionRow;
import org.laasuite.indicators.measure.References.Lookup;
import org.laasuite.indicators.measure.TargetRow;
import org.laasuite.indicators.report.IndicatorReportValue;
import org.laasuite.indicators.report.ReportService;
import org.laasuite.indicators.v1.ExportSimpleViewResponse;
import org.laasuite.indicators.v1.IndicatorSource;
import org.laasuite.indicators.v1.Rating;
import org.laasuite.indicators.v1.SimpleViewFormat;
import org.laasuite.type.v1.LaaBlock;

/**
 * Writes the indicators in the layout of the LAA Simple View (SimpleViewLayout), so that ImportSimpleView reads the
 * file back into the same indicators, targets, outturns and judgements: a row per indicator (its title as the measure,
 * the headings the import joined to titles staying joined), every figure as its original text ("NYQ", "N/A",
 * "Awaiting GO targets, expected Summer 2007"), the theme group and row from the reference the import kept. The
 * layout has a baseline, targets for 2005-06 to 2008-09, outturns for 2004-05 to 2006-07 and one traffic light: what an
 * indicator holds for other periods (quarters entered since, say) has no column and is left out, as is an outturn of
 * a year for a second area (the city's is written). The transcription's own columns (seed_line, the variances,
 * transcription_note) are written empty: the import does not keep them. As CSV, or as an Excel workbook with a sheet
 * per block written by POI's streaming SXSSF (a hundred rows in memory at a time). Rows, and a workbook's tabs, come
 * in the order the indicators were loaded: the partnership's own file's.
 */
@Singleton
public class SimpleViewExporter {

  public static final String CSV_TYPE = "text/csv; charset=UTF-8";
  public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  /** Every period an indicator has outturns for, so that the layout's years are there whatever came since. */
  static final int ALL_PERIODS = 10_000;

  /** "LAA Simple View row 28, Children and Young Person's Strategic Partnership" (SimpleViewImporter). */
  private static final Pattern SOURCE = Pattern.compile("LAA Simple View (?:row (\\S+)|\\(row not numbered\\)), (.+)");
  private static final String NO_MEASURE = " (the source gives no measure)";

  private final ReportService reports;

  public SimpleViewExporter(ReportService reports) {
    this.reports = reports;
  }

  /**
   * The file of {@code block}'s indicators (every block's when unset); {@code latestFor} says, of each page of
   * indicators, which to show with their pending figures (the others: what is published).
   */
  @Transactional(readOnly = true)
  public ExportSimpleViewResponse export(SimpleViewFormat format, LaaBlock block,
      Function<List<IndicatorRow>, Set<Long>> latestFor) {
    List<LaaBlock> blocks = block == LaaBlock.LAA_BLOCK_UNSPECIFIED ? SimpleViewLayout.BLOCKS : List.of(block);
    var filter = IndicatorMapper.filter(block, "", IndicatorSource.INDICATOR_SOURCE_UNSPECIFIED, false,
        new Violations());
    List<IndicatorReportValue> found = new ArrayList<>();
    String token = "";
    do {
      var page = reports.page(filter, Pages.page(Pages.MAX_SIZE, token, filter.query()));
      found.addAll(reports.reportsOf(page.items(), latestFor.apply(page.items()), ALL_PERIODS));
      token = page.nextPageToken();
    } while (!token.isEmpty());
    // The order they were loaded in, which is the partnership's file's: its rows, and its blocks as they came.
    found.sort(Comparator.comparing(r -> r.indicator().id()));
    Map<LaaBlock, List<List<String>>> rows = new LinkedHashMap<>();
    int count = 0;
    for (IndicatorReportValue report : found) {
      if (blocks.contains(report.indicator().block())) {
        rows.computeIfAbsent(report.indicator().block(), b -> new ArrayList<>()).add(row(report));
        count++;
      }
    }
    blocks.forEach(b -> rows.computeIfAbsent(b, x -> new ArrayList<>()));
    String name = "laa-simple-view" + (block == LaaBlock.LAA_BLOCK_UNSPECIFIED ? "" : "-" + ProtoEnums.slug(block));
    var response = ExportSimpleViewResponse.newBuilder().setIndicators(count);
    if (format == SimpleViewFormat.SIMPLE_VIEW_FORMAT_XLSX) {
      return response.setContent(xlsx(rows)).setFileName(name + ".xlsx").setContentType(XLSX_TYPE).build();
    }
    return response.setContent(csv(rows)).setFileName(name + ".csv").setContentType(CSV_TYPE).build();
  }

  private static ByteString csv(Map<LaaBlock, List<List<String>>> rows) {
    ByteString.Output out = ByteString.newOutput();
    try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
        CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
      printer.printRecord(SimpleViewLayout.COLUMNS);
      for (List<List<String>> block : rows.values()) {
        for (List<String> row : block) {
          printer.printRecord(row);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteString();
  }

  private static ByteString xlsx(Map<LaaBlock, List<List<String>>> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
      book.setCompressTempFiles(true);
      CellStyle heading = book.createCellStyle();
      Font bold = book.createFont();
      bold.setBold(true);
      heading.setFont(bold);
      for (var block : rows.entrySet()) {
        SXSSFSheet sheet = book.createSheet(SimpleViewLayout.SHEETS.get(block.getKey()));
        sheet.createFreezePane(0, 1);
        write(sheet.createRow(0), SimpleViewLayout.COLUMNS, heading);
        int r = 1;
        for (List<String> row : block.getValue()) {
          write(sheet.createRow(r++), row, null);
        }
      }
      book.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ByteString.copyFrom(out.toByteArray());
  }

  /** Every cell as text, as the Simple View's figures are ("78.0" stays "78.0", never the number 78). */
  private static void write(SXSSFRow row, List<String> cells, CellStyle style) {
    for (int c = 0; c < cells.size(); c++) {
      if (!cells.get(c).isEmpty() || style != null) {
        var cell = row.createCell(c);
        cell.setCellValue(cells.get(c));
        if (style != null) {
          cell.setCellStyle(style);
        }
      }
    }
  }

  /** The indicator's row, in SimpleViewLayout.COLUMNS' order. */
  static List<String> row(IndicatorReportValue report) {
    IndicatorRow i = report.indicator();
    Lookup lookup = report.lookup();
    Matcher source = SOURCE.matcher(i.sourceReference());
    String bodyId = i.themeGroup().startsWith("bodies/") ? i.themeGroup().substring("bodies/".length()) : "";
    String theme = source.matches() ? source.group(2) : bodyId;
    String rowNumber = source.matches() && source.group(1) != null ? source.group(1) : "";
    String measure = i.title().equals(theme + (rowNumber.isEmpty() ? "" : " row " + rowNumber) + NO_MEASURE) ? ""
        : i.title();

    String baselineDate = "";
    String baselineValue = "";
    var baseline = report.baselines().stream().sorted((a, b) -> Boolean.compare(!city(lookup, a.areaId()),
        !city(lookup, b.areaId()))).findFirst();
    if (baseline.isPresent()) {
      baselineDate = baseline.get().periodId() == null ? "" : lookup.period(baseline.get().periodId()).label();
      baselineValue = text(baseline.get().figure());
    }
    List<String> cells = new ArrayList<>();
    cells.add("");
    cells.add(ProtoEnums.shortName(i.block()));
    cells.add(theme);
    cells.add(bodyId);
    cells.add(i.code());
    cells.add(rowNumber);
    cells.add("indicator");
    cells.add(i.outcome());
    cells.add(measure);
    cells.add(i.units());
    cells.add(ProtoEnums.shortName(i.polarity()));
    cells.add(baselineDate);
    cells.add(baselineValue);
    for (int year = 2005; year <= 2008; year++) {
      cells.add(targets(report, fy(year)));
    }
    for (int year = 2004; year <= 2006; year++) {
      OutturnRevisionRow o = outturn(report, fy(year));
      cells.add(o == null ? "" : date(o, lookup));
      cells.add(o == null ? "" : text(o.figure()));
    }
    cells.add("");
    cells.add("");
    var judgement = report.recordedJudgement();
    cells.add(judgement == null ? "" : rating(judgement.rating()));
    cells.add(judgement == null ? "" : judgement.reason());
    cells.add("");
    return cells;
  }

  /** A target cell: the one text its areas' targets share ("City 86: PN 105"), else each area's, city first. */
  private static String targets(IndicatorReportValue report, String period) {
    Lookup lookup = report.lookup();
    Set<String> texts = new LinkedHashSet<>();
    report.targets().stream().filter(t -> lookup.period(t.periodId()).code().equals(period))
        .sorted((a, b) -> Boolean.compare(!city(lookup, a.areaId()), !city(lookup, b.areaId())))
        .map(TargetRow::figure).map(SimpleViewExporter::text).forEach(texts::add);
    return String.join("; ", texts);
  }

  /** The year's outturn, the city's where there are several areas'. */
  private static OutturnRevisionRow outturn(IndicatorReportValue report, String period) {
    Lookup lookup = report.lookup();
    return report.outturns().stream().filter(o -> lookup.period(o.periodId()).code().equals(period))
        .sorted((a, b) -> Boolean.compare(!city(lookup, a.areaId()), !city(lookup, b.areaId()))).findFirst()
        .orElse(null);
  }

  /** The "Date of Data" cell: the period the data is of, as the file wrote it, else the year's own. */
  private static String date(OutturnRevisionRow o, Lookup lookup) {
    if (o.dataPeriodId() != null) {
      return lookup.period(o.dataPeriodId()).label();
    }
    if (o.note().startsWith("Date of data as written: ")) {
      return o.note().substring("Date of data as written: ".length());
    }
    return lookup.period(o.periodId()).label();
  }

  private static boolean city(Lookup lookup, long areaId) {
    return lookup.area(areaId).code().equals(AreaRow.CITY);
  }

  /** A figure as the papers wrote it; the number where no text was kept. */
  static String text(FigureValue f) {
    if (!f.originalText().isBlank()) {
      return f.originalText();
    }
    return f.hasValue() ? f.value().toPlainString() : "";
  }

  /** The traffic light as the Simple View writes it. */
  static String rating(Rating r) {
    return switch (r) {
      case RATING_GREEN -> "Green";
      case RATING_AMBER -> "Amber";
      case RATING_RED -> "Red";
      case RATING_TOO_EARLY_TO_ASSESS -> "Too early to assess";
      default -> "";
    };
  }

  private static String fy(int startYear) {
    return "fy-" + startYear + "-" + String.format("%02d", (startYear + 1) % 100);
  }
}
