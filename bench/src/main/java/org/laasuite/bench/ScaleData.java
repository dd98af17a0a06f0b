package org.laasuite.bench;

import com.google.type.Date;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.laasuite.indicators.v1.Area;
import org.laasuite.indicators.v1.AreaType;
import org.laasuite.indicators.v1.CreateAreaRequest;
import org.laasuite.indicators.v1.CreateIndicatorRequest;
import org.laasuite.indicators.v1.CreatePeriodRequest;
import org.laasuite.indicators.v1.Frequency;
import org.laasuite.indicators.v1.ImportOptions;
import org.laasuite.indicators.v1.ImportOutturnsRequest;
import org.laasuite.indicators.v1.ImportOutturnsResponse;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.indicators.v1.IndicatorSource;
import org.laasuite.indicators.v1.OutturnRow;
import org.laasuite.indicators.v1.OutturnRows;
import org.laasuite.indicators.v1.OutturnStatus;
import org.laasuite.indicators.v1.Period;
import org.laasuite.indicators.v1.PeriodType;
import org.laasuite.indicators.v1.Polarity;
import org.laasuite.type.v1.LaaBlock;

/**
 * The scale data generator: the bench's own areas, periods and indicators, made through the indicators service's
 * API as a partnership would, and their figures streamed in with ImportOutturns (published). Every figure of an
 * indicator is a distinct period and area, so none is a revision of another.
 */
final class ScaleData {

  /** Where the bench's indicators go: the block the scale-up is measured on. */
  /** Rows an import sends in each message (OutturnRows). */
  static final int ROWS_PER_MESSAGE = 500;
  static final LaaBlock BLOCK = LaaBlock.LAA_BLOCK_ECONOMIC_DEVELOPMENT_AND_ENTERPRISE;
  /** The last bench period: the demo's reporting year ends then, so the latest figures fall in it. */
  private static final YearMonth LAST = YearMonth.of(2008, 3);

  private final Suite suite;
  private final IndicatorServiceGrpc.IndicatorServiceBlockingStub stub;
  private final List<String> periods = new ArrayList<>();
  private final List<String> areas = new ArrayList<>();

  ScaleData(Suite suite) {
    this.suite = suite;
    this.stub = IndicatorServiceGrpc.newBlockingStub(suite.indicators);
  }

  /** Makes the bench's {@link Options#AREAS} wards and {@link Options#PERIODS} months (ending March 2008). */
  void makeAreasAndPeriods() {
    for (int a = 0; a < Options.AREAS; a++) {
      String code = "bench-ward-" + a;
      stub.withDeadlineAfter(30, TimeUnit.SECONDS).createArea(CreateAreaRequest.newBuilder().setArea(Area.newBuilder()
          .setId(code).setTitle("Bench ward " + a).setType(AreaType.AREA_TYPE_WARD)).build());
      areas.add(code);
    }
    YearMonth first = LAST.minusMonths(Options.PERIODS - 1L);
    for (int p = 0; p < Options.PERIODS; p++) {
      YearMonth m = first.plusMonths(p);
      String code = "bench-" + m;
      stub.withDeadlineAfter(30, TimeUnit.SECONDS).createPeriod(CreatePeriodRequest.newBuilder().setPeriod(Period
          .newBuilder().setId(code).setType(PeriodType.PERIOD_TYPE_MONTH).setStartDate(date(m.atDay(1)))
          .setEndDate(date(m.atEndOfMonth())).setLabel("Bench " + m)).build());
      periods.add(code);
    }
  }

  /** Makes {@code count} indicators {@code PREFIX-1}, {@code PREFIX-2}, … in {@link #BLOCK}; answers their codes. */
  List<String> makeIndicators(String prefix, int count) {
    List<String> codes = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String code = prefix + "-" + i;
      stub.withDeadlineAfter(30, TimeUnit.SECONDS).createIndicator(CreateIndicatorRequest.newBuilder()
          .setIndicator(Indicator.newBuilder().setId(code).setTitle("Bench indicator " + code).setBlock(BLOCK)
              .setUnits("%").setPolarity(Polarity.POLARITY_HIGHER_IS_BETTER)
              .setSource(IndicatorSource.INDICATOR_SOURCE_LOCAL).setFrequency(Frequency.FREQUENCY_MONTHLY))
          .build());
      codes.add(code);
    }
    return codes;
  }

  List<String> periods() {
    return List.copyOf(periods);
  }

  List<String> areas() {
    return List.copyOf(areas);
  }

  /** One figure: its indicator, period and area (indexes into the bench's lists) and its text. */
  record Figure(String indicator, String period, String area, String value) {
  }

  /**
   * The first {@code count} figures of {@code indicators}: each indicator's every period in every area, in that
   * order, with made-up but repeatable values.
   */
  Iterator<Figure> figures(List<String> indicators, long count) {
    long perIndicator = (long) periods.size() * areas.size();
    return new Iterator<>() {
      private long next;

      @Override
      public boolean hasNext() {
        return next < count && next < perIndicator * indicators.size();
      }

      @Override
      public Figure next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        long n = next++;
        int i = (int) (n / perIndicator);
        int rest = (int) (n % perIndicator);
        int p = rest / areas.size();
        int a = rest % areas.size();
        long v = (n * 7919L) % 1000;
        return new Figure(indicators.get(i), periods.get(p), areas.get(a), (v / 10) + "." + (v % 10));
      }
    };
  }

  static OutturnRow row(Figure f) {
    return OutturnRow.newBuilder().setIndicator("indicators/" + f.indicator()).setPeriod("periods/" + f.period())
        .setArea("areas/" + f.area()).setValue(f.value()).setStatus(OutturnStatus.OUTTURN_STATUS_FINAL).build();
  }

  /**
   * Streams {@code figures} to ImportOutturns in one stream (published, all or nothing), sending only as fast as
   * the stream is ready for them, so that the client's memory stays bounded whatever the count.
   */
  ImportOutturnsResponse importFigures(Iterator<Figure> figures) throws Exception {
    CompletableFuture<ImportOutturnsResponse> result = new CompletableFuture<>();
    IndicatorServiceGrpc.newStub(suite.indicators).withDeadlineAfter(1, TimeUnit.HOURS)
        .importOutturns(new ClientResponseObserver<ImportOutturnsRequest, ImportOutturnsResponse>() {
          private boolean first = true;
          private boolean closed;

          @Override
          public void beforeStart(ClientCallStreamObserver<ImportOutturnsRequest> requests) {
            requests.setOnReadyHandler(() -> {
              while (!closed && requests.isReady() && !result.isDone()) {
                if (first) {
                  first = false;
                  requests.onNext(ImportOutturnsRequest.newBuilder().setOptions(ImportOptions.newBuilder()
                      .setPublish(true).setRequestId(UUID.randomUUID().toString())).build());
                } else if (figures.hasNext()) {
                  OutturnRows.Builder rows = OutturnRows.newBuilder();
                  while (figures.hasNext() && rows.getRowsCount() < ROWS_PER_MESSAGE) {
                    rows.addRows(row(figures.next()));
                  }
                  requests.onNext(ImportOutturnsRequest.newBuilder().setRows(rows).build());
                } else {
                  closed = true;
                  requests.onCompleted();
                }
              }
            });
          }

          private ImportOutturnsResponse answer;

          @Override
          public void onNext(ImportOutturnsResponse value) {
            answer = value;
          }

          @Override
          public void onError(Throwable t) {
            result.completeExceptionally(t);
          }

          @Override
          public void onCompleted() {
            if (answer == null) {
              result.completeExceptionally(Status.INTERNAL.withDescription("no answer").asRuntimeException());
            } else {
              result.complete(answer);
            }
          }
        });
    try {
      ImportOutturnsResponse r = result.get();
      if (!r.getWritten()) {
        throw new IllegalStateException("the import wrote nothing: " + r.getRejectedCount() + " rows rejected, first "
            + (r.getRejectedCount() > 0 ? r.getRejected(0) : "none"));
      }
      return r;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof StatusRuntimeException s ? s : e;
    }
  }

  private static Date date(LocalDate d) {
    return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
  }
}
