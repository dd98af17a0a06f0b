package org.laasuite.tools;

import com.google.protobuf.util.JsonFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import com.google.type.Decimal;
import org.laasuite.indicators.v1.BatchGetIndicatorReportsRequest;
import org.laasuite.indicators.v1.CreateOutturnRequest;
import org.laasuite.indicators.v1.Figure;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.indicators.v1.ListIndicatorsRequest;
import org.laasuite.indicators.v1.Outturn;
import org.laasuite.type.v1.LaaBlock;

/** Reads (and writes a figure to) the indicators service as any integrator would: a client built only from proto/. */
final class Reading {


  private Reading() {
  }

  /** Every indicator, block by block, with a count per block. */
  static int indicators(List<String> args) throws Exception {
    // A block as the user types it: children_and_young_people, or LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE.
    String wanted = args.size() > 1 ? args.get(1).toUpperCase(Locale.ROOT).replaceFirst("^LAA_BLOCK_", "") : null;
    var blocks = java.util.Arrays.stream(LaaBlock.values()).filter(b -> b.name().startsWith("LAA_BLOCK_")
        && !b.name().equals("LAA_BLOCK_UNSPECIFIED")).toList();
    var block = blocks.stream().filter(b -> b.name().equals("LAA_BLOCK_" + wanted)).findFirst();
    if (wanted != null && block.isEmpty()) {
      System.err.println("unknown block " + args.get(1) + "; blocks: "
          + String.join(", ", blocks.stream().map(b -> b.name().substring("LAA_BLOCK_".length())).toList()));
      return 1;
    }
    return Calls.with(args.get(0), channel -> {
      var client = IndicatorServiceGrpc.newBlockingStub(channel);
      var request = ListIndicatorsRequest.newBuilder().setPageSize(500);
      if (args.size() > 1) {
        request.setBlock(block.get());
      }
      var byBlock = new TreeMap<String, List<Indicator>>();
      String token = "";
      do {
        var page = client.withDeadlineAfter(30, TimeUnit.SECONDS).listIndicators(request.setPageToken(token).build());
        page.getIndicatorsList().forEach(i -> byBlock.computeIfAbsent(Text.words(i.getBlock()),
            b -> new java.util.ArrayList<>()).add(i));
        token = page.getNextPageToken();
      } while (!token.isEmpty());
      int total = 0;
      for (var e : byBlock.entrySet()) {
        System.out.println(e.getKey() + " (" + e.getValue().size() + ")");
        for (Indicator i : e.getValue()) {
          String title = i.getTitle().length() > 90 ? i.getTitle().substring(0, 89) + "…" : i.getTitle();
          System.out.printf("  %-14s %s%n", i.getId(), title);
        }
        total += e.getValue().size();
      }
      System.out.println(total + " indicators");
      return 0;
    });
  }

  /** The report of each indicator code, as the gateway will read it, printed as JSON. */
  static int report(List<String> args) throws Exception {
    return Calls.with(args.get(0), channel -> {
      var request = BatchGetIndicatorReportsRequest.newBuilder();
      args.subList(1, args.size()).forEach(code -> request.addNames("indicators/" + code));
      var response = IndicatorServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
          .batchGetIndicatorReports(request.build());
      System.out.println(JsonFormat.printer().print(response));
      return 0;
    });
  }

  /**
   * outturn HOST:PORT CODE PERIOD VALUE [AREA]: records one figure (CreateOutturn) as whoever LAA_TOKEN names,
   * printing the outturn made or the service's refusal (PERMISSION_DENIED when the caller may not).
   */
  static int outturn(List<String> args) throws Exception {
    if (args.size() < 4) {
      System.err.println("usage: outturn HOST:PORT CODE PERIOD VALUE [AREA]");
      return 2;
    }
    return Calls.with(args.get(0), channel -> {
      var outturn = Outturn.newBuilder().setPeriod("periods/" + args.get(2))
          .setFigure(Figure.newBuilder().setValue(Decimal.newBuilder().setValue(args.get(3))));
      if (args.size() > 4) {
        outturn.setArea("areas/" + args.get(4));
      }
      Outturn made = IndicatorServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
          .createOutturn(CreateOutturnRequest.newBuilder().setParent("indicators/" + args.get(1))
              .setOutturn(outturn).build());
      System.out.println(made.getName() + ": " + made.getFigure().getValue().getValue() + " for " + made.getPeriod()
          + ", " + made.getState().name().substring("PUBLICATION_STATE_".length()).toLowerCase(java.util.Locale.ROOT)
          + " (public once indicators/" + args.get(1) + "/entries/" + args.get(2)
          + " is submitted, approved and published)");
      return 0;
    });
  }
}
