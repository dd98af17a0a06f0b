package org.laasuite.tools;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.laasuite.indicators.v1.ComparatorFigure;
import org.laasuite.indicators.v1.ComparatorGroup;
import org.laasuite.indicators.v1.ComparatorGroupKind;
import org.laasuite.indicators.v1.CreateComparatorFigureRequest;
import org.laasuite.indicators.v1.Figure;
import org.laasuite.indicators.v1.ImportComparatorsRequest;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.indicators.v1.ListComparatorFiguresRequest;

/** Loads comparator groups and their figures from a CSV into the indicators service, all or none (docs/comparators.md). */
final class Comparators {

  private static final Pattern PLACE = Pattern.compile("(groups|figures)\\[(\\d+)]\\.?(.*)");
  private static final List<String> COLUMNS = List.of("group", "group_title", "group_kind", "group_source",
      "group_note", "indicator", "period", "local_area", "area", "value", "source", "quote", "note");
  private static final String KIND = "COMPARATOR_GROUP_KIND_";

  private Comparators() {
  }

  /**
   * import-comparators HOST:PORT FILE [--skip-if-loaded]: a row per figure with its group's columns (a group's first
   * row defines it); see docs/comparators.md. Every problem is printed with its line; nothing is written unless all
   * rows are good.
   */
  static int importComparators(List<String> args) throws Exception {
    Path file = Path.of(args.get(1));
    if (!Calls.readable(file)) {
      return 1;
    }
    List<CSVRecord> rows = Calls.csvRows(file, COLUMNS, "no comparator figures");
    if (rows == null) {
      return 1;
    }
    var request = ImportComparatorsRequest.newBuilder();
    Map<String, Integer> groupRow = new LinkedHashMap<>(); // a group's index in the request -> its first row
    List<Integer> groupLines = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (CSVRecord r : rows) {
      long line = r.getRecordNumber() + 1;
      if (!groupRow.containsKey(r.get("group"))) {
        ComparatorGroupKind kind = kind(r.get("group_kind"));
        if (kind == null) {
          problems.add(file + ":" + line + " [group_kind]: '" + r.get("group_kind")
              + "' is none of ENGLAND, REGION, NEAREST_NEIGHBOURS, OTHER");
        }
        groupRow.put(r.get("group"), groupLines.size());
        groupLines.add((int) line);
        request.addGroups(ComparatorGroup.newBuilder().setId(r.get("group")).setTitle(r.get("group_title"))
            .setKind(kind == null ? ComparatorGroupKind.COMPARATOR_GROUP_KIND_UNSPECIFIED : kind)
            .setSource(r.get("group_source")).setNote(r.get("group_note")));
      }
      var figure = ComparatorFigure.newBuilder().setGroup("comparatorGroups/" + r.get("group"))
          .setPeriod("periods/" + r.get("period")).setArea(r.get("area"))
          .setFigure(Figure.newBuilder().setOriginalText(r.get("value"))).setSource(r.get("source"))
          .setQuote(r.get("quote")).setNote(r.get("note"));
      if (!r.get("local_area").isBlank()) {
        figure.setLocalArea("areas/" + r.get("local_area"));
      }
      request.addFigures(CreateComparatorFigureRequest.newBuilder().setParent("indicators/" + r.get("indicator"))
          .setComparatorFigure(figure));
    }
    if (!problems.isEmpty()) {
      problems.forEach(System.err::println);
      System.err.println(file.getFileName() + ": NOT loaded");
      return 1;
    }
    return Calls.with(args.get(0), channel -> {
      var client = IndicatorServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
      if (args.contains("--skip-if-loaded") && client.listComparatorFigures(ListComparatorFiguresRequest.newBuilder()
          .setParent("indicators/-").setPageSize(1).build()).getComparatorFiguresCount() > 0) {
        System.out.println(file.getFileName() + ": already loaded, import skipped");
        return 0;
      }
      try {
        var done = client.importComparators(request.build());
        System.out.println(file.getFileName() + ": " + done.getGroupsCreated() + " comparator groups, "
            + done.getFiguresCreated() + " comparator figures loaded");
        return 0;
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.INVALID_ARGUMENT) {
          throw e;
        }
        // Each problem at the file's line: a figure's row, or the first row of its group.
        Calls.printViolations(file, e, field -> {
          Matcher m = PLACE.matcher(field);
          return !m.matches() ? null : (m.group(1).equals("groups") ? groupLines.get(Integer.parseInt(m.group(2)))
              : rows.get(Integer.parseInt(m.group(2))).getRecordNumber() + 1) + " [" + m.group(3) + "]";
        });
        return 1;
      }
    });
  }

  private static ComparatorGroupKind kind(String word) {
    try {
      var kind = ComparatorGroupKind.valueOf(KIND + word.strip().toUpperCase(java.util.Locale.ROOT));
      return kind == ComparatorGroupKind.COMPARATOR_GROUP_KIND_UNSPECIFIED ? null : kind;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
