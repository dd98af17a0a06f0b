package org.laasuite.tools;

import com.google.protobuf.ByteString;
import com.google.type.Date;
import com.google.type.Money;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.laasuite.funding.v1.Amount;
import org.laasuite.funding.v1.AmountStatus;
import org.laasuite.funding.v1.ArrangementFunding;
import org.laasuite.funding.v1.BlockFunding;
import org.laasuite.funding.v1.Commitment;
import org.laasuite.funding.v1.FundingLine;
import org.laasuite.funding.v1.FundingServiceGrpc;
import org.laasuite.funding.v1.GetFundingSummaryRequest;
import org.laasuite.funding.v1.ImportFundingRequest;
import org.laasuite.funding.v1.ListFundingStreamsRequest;
import org.laasuite.funding.v1.ListSuccessionRisksRequest;
import org.laasuite.funding.v1.Totals;

/** The funding service as bin/laa uses it: load the demo files, print the summary and succession risks. */
final class Funding {

  private Funding() {
  }

  /**
   * import-funding HOST:PORT DIR YEAR [--skip-if-loaded]: DIR/funding-streams.csv, and DIR/commitments.csv and
   * DIR/lpsa-targets.csv where they are.
   */
  static int importFunding(List<String> args) throws Exception {
    Path dir = Path.of(args.get(1));
    Path streams = dir.resolve("funding-streams.csv");
    Path commitments = dir.resolve("commitments.csv");
    Path lpsaTargets = dir.resolve("lpsa-targets.csv");
    if (!Calls.readable(streams)) {
      return 1;
    }
    return Calls.with(args.get(0), channel -> {
      var client = FundingServiceGrpc.newBlockingStub(channel).withDeadlineAfter(120, TimeUnit.SECONDS);
      if (args.contains("--skip-if-loaded") && client.listFundingStreams(ListFundingStreamsRequest.newBuilder()
          .setPageSize(1).build()).getFundingStreamsCount() > 0) {
        System.out.println("funding: already loaded, import skipped");
        return 0;
      }
      var request = ImportFundingRequest.newBuilder().setFinancialYear(args.get(2))
          .setStreamsCsv(ByteString.copyFrom(Files.readAllBytes(streams)));
      if (Files.isRegularFile(commitments)) {
        request.setCommitmentsCsv(ByteString.copyFrom(Files.readAllBytes(commitments)));
      }
      if (Files.isRegularFile(lpsaTargets)) {
        request.setLpsaTargetsCsv(ByteString.copyFrom(Files.readAllBytes(lpsaTargets)));
      }
      var r = client.importFunding(request.build());
      Calls.printProblems(dir, r.getProblemsList());
      System.out.printf("funding-streams.csv, commitments.csv, lpsa-targets.csv: %d funding streams, %d allocations "
              + "for %s, %d commitments, %d LPSA targets %s%n", r.getFundingStreams(), r.getAllocations(), args.get(2),
          r.getCommitments(), r.getLpsaTargets(), r.getWritten() ? "loaded" : "NOT loaded");
      return r.getWritten() ? 0 : 1;
    });
  }

  /** funding-summary HOST:PORT YEAR: the year's funding as the agreement's Annex 3 lays it out. */
  static int summary(List<String> args) throws Exception {
    return Calls.with(args.get(0), channel -> {
      var s = FundingServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
          .getFundingSummary(GetFundingSummaryRequest.newBuilder().setFinancialYear(args.get(1)).build());
      System.out.printf("Funding %s%-62s %15s %15s %15s%n", s.getFinancialYear(), "", "capital £", "revenue £",
          "total £");
      for (ArrangementFunding a : s.getArrangementsList()) {
        System.out.println(Text.words(a.getArrangement()));
        for (BlockFunding b : a.getBlocksList()) {
          System.out.println("  " + Text.words(b.getBlock()));
          String heading = "";
          for (FundingLine l : b.getLinesList()) {
            if (!l.getHeading().equals(heading)) {
              heading = l.getHeading();
              System.out.println("    " + heading);
            }
            System.out.printf("    %-66s %15s %15s%n", Text.clip(l.getDisplayName(), 66), amount(l.getCapital()),
                amount(l.getRevenue()));
          }
          row("    sub total", b.getSubtotal());
        }
        row("  total " + Text.words(a.getArrangement()), a.getTotal());
      }
      row("total pooled", s.getPooled());
      row("total aligned", s.getAligned());
      return 0;
    });
  }

  /** succession HOST:PORT DATE: commitments whose funding ends before DATE. */
  static int succession(List<String> args) throws Exception {
    return Calls.with(args.get(0), channel -> {
      LocalDate d = LocalDate.parse(args.get(1));
      var r = FundingServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
          .listSuccessionRisks(ListSuccessionRisksRequest.newBuilder().setEndsBefore(Date.newBuilder()
              .setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth())).setPageSize(500).build());
      for (Commitment c : r.getCommitmentsList()) {
        System.out.printf("%s  %s (%d post%s), %s, funding ends %04d-%02d-%02d%n", c.getName(), c.getTitle(),
            c.getPosts(), c.getPosts() == 1 ? "" : "s", c.getProgramme(), c.getEndDate().getYear(),
            c.getEndDate().getMonth(), c.getEndDate().getDay());
      }
      System.out.println(r.getCommitmentsCount() + " commitments end before " + d);
      return 0;
    });
  }

  private static void row(String label, Totals t) {
    System.out.printf("%-70s %15s %15s %15s%s%n", label, pounds(t.getCapital()), pounds(t.getRevenue()),
        pounds(t.getTotal()), t.getUnquantifiedLines() > 0 ? "  (+" + t.getUnquantifiedLines() + " not yet quantified)" : "");
  }

  private static String amount(Amount a) {
    if (a.getStatus() == AmountStatus.AMOUNT_STATUS_UNSPECIFIED) {
      return "";
    }
    return a.getStatus() == AmountStatus.AMOUNT_STATUS_NOT_YET_QUANTIFIED ? "NYQ" : pounds(a.getMoney());
  }

  private static String pounds(Money m) {
    return m.getNanos() == 0 ? String.format(Locale.UK, "%,d", m.getUnits())
        : String.format(Locale.UK, "%,d.%02d", m.getUnits(), m.getNanos() / 10_000_000);
  }
}
