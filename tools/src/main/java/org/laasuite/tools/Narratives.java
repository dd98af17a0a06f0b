package org.laasuite.tools;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.laasuite.indicators.v1.BatchCreateNarrativesRequest;
import org.laasuite.indicators.v1.CreateNarrativeRequest;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.indicators.v1.ListNarrativesRequest;
import org.laasuite.indicators.v1.Narrative;

/** Loads "what we've achieved" and "what next" from a CSV into the indicators service, all or none. */
final class Narratives {

  private static final Pattern REQUEST = Pattern.compile("requests\\[(\\d+)]\\.(.*)");

  private Narratives() {
  }

  /**
   * import-narratives HOST:PORT FILE [--skip-if-loaded]: columns indicator (code), period (code),
   * achieved, next_steps, author; a source column documents the transcription and is not loaded.
   */
  static int importNarratives(List<String> args) throws Exception {
    Path file = Path.of(args.get(1));
    if (!Calls.readable(file)) {
      return 1;
    }
    List<CSVRecord> rows = Calls.csvRows(file, List.of("indicator", "period", "achieved", "next_steps", "author"),
        "no narratives");
    if (rows == null) {
      return 1;
    }
    // Narratives brought over from the partnership's papers were agreed and reported already: published as loaded.
    var request = BatchCreateNarrativesRequest.newBuilder().setPublish(true);
    for (CSVRecord r : rows) {
      request.addRequests(CreateNarrativeRequest.newBuilder().setParent("indicators/" + r.get("indicator"))
          .setNarrative(Narrative.newBuilder().setPeriod("periods/" + r.get("period")).setAchieved(r.get("achieved"))
              .setNextSteps(r.get("next_steps")).setAuthor(r.get("author"))));
    }
    return Calls.with(args.get(0), channel -> {
      var client = IndicatorServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
      if (args.contains("--skip-if-loaded") && client.listNarratives(ListNarrativesRequest.newBuilder()
          .setParent(request.getRequests(0).getParent()).setPageSize(1).build()).getNarrativesCount() > 0) {
        System.out.println(file.getFileName() + ": already loaded, import skipped");
        return 0;
      }
      try {
        int n = client.batchCreateNarratives(request.build()).getNarrativesCount();
        System.out.println(file.getFileName() + ": " + n + " narratives loaded");
        return 0;
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.INVALID_ARGUMENT) {
          throw e;
        }
        // Each problem at the file's line: the header is line 1, row i of the request line i + 2.
        Calls.printViolations(file, e, field -> {
          Matcher m = REQUEST.matcher(field);
          return m.matches() ? (rows.get(Integer.parseInt(m.group(1))).getRecordNumber() + 1) + " [" + m.group(2)
              + "]" : null;
        });
        return 1;
      }
    });
  }
}
