package org.laasuite.indicators.importer;

import io.grpc.Context;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.laasuite.common.audit.AuditLog;
import org.laasuite.common.db.RequestLog;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Unary;
import org.laasuite.common.grpc.Violations;
import org.laasuite.indicators.area.AreaRow;
import org.laasuite.indicators.figure.FigureUnits;
import org.laasuite.indicators.indicator.IndicatorRow;
import org.laasuite.indicators.measure.MeasureDrafts.ImportResult;
import org.laasuite.indicators.measure.MeasureDrafts.ImportRow;
import org.laasuite.indicators.measure.MeasureDrafts.OutturnDraft;
import org.laasuite.indicators.measure.MeasureMapper;
import org.laasuite.indicators.measure.OutturnRevisionRow;
import org.laasuite.indicators.period.PeriodRow;
import org.laasuite.indicators.v1.ImportOptions;
import org.laasuite.indicators.v1.ImportOutturnsRequest;
import org.laasuite.indicators.v1.ImportOutturnsResponse;
import org.laasuite.indicators.v1.OutturnRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ImportOutturns stream. Its rows, their shape checked as they come, go to a thread of its own that holds the
 * import's one transaction from the first message to the answer: it checks the rest of each row as a single write
 * would be checked (the codes it names looked up once per import: {@link ImportCodes}), stages the good ones with COPY
 * ({@link OutturnStaging}) and feeds the request's hash; when the client is done it asks the endpoint for the
 * caller's rights, then writes them all, or none when a row is rejected and partial imports are not allowed, and
 * records one audit event. gRPC hands over the messages no faster than that thread takes them (manual flow
 * control, {@link #WINDOW} messages ahead, each at most {@link #MAX_MESSAGE_BYTES}), so the import holds a few
 * thousand rows in memory at most, whatever the stream's size; only the first {@link #REPORTED} rejected rows are
 * kept for the answer, the rest counted. A client that cancels or fails rolls
 * the transaction back: nothing staged or written remains.
 */
final class OutturnImport implements StreamObserver<ImportOutturnsRequest> {

  /** Rejected rows the answer lists (all are counted). */
  static final int REPORTED = 1_000;
  /**
   * Messages asked of gRPC ahead of the messages taken: enough that the transport and the import's thread rarely
   * wait for each other (asking is one hand-over to the transport for {@code WINDOW / 2} messages), few enough to
   * keep the import small in memory.
   */
  private static final int WINDOW = 16;
  /** The most a message of an import may carry (rows sent together): so that the window is small in bytes too. */
  static final int MAX_MESSAGE_BYTES = 1 << 20;
  private static final Object END = new Object();
  private static final Object CANCEL = new Object();
  private static final Logger LOG = LoggerFactory.getLogger(OutturnImport.class);

  private final OutturnImports imports;
  private final ServerCallStreamObserver<ImportOutturnsResponse> out;
  private final OutturnImports.Rights rights;
  private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<ImportOutturnsResponse> answer = new CompletableFuture<>();
  /** Messages taken from {@link #messages} and not yet handled (the import's thread only). */
  private final ArrayDeque<Object> batch = new ArrayDeque<>();
  /** Rows received (gRPC's side). */
  private int received;

  /** The client gave up or failed: the import stops and rolls back. */
  private static final class Cancelled extends RuntimeException {
    Cancelled() {
      super("the client cancelled the import", null, false, false);
    }
  }

  OutturnImport(OutturnImports imports, ServerCallStreamObserver<ImportOutturnsResponse> out,
      OutturnImports.Rights rights) {
    this.imports = imports;
    this.out = out;
    this.rights = rights;
  }

  /** Asks for the first messages and starts the import's thread, in the call's Context (its caller, its audit). */
  OutturnImport start() {
    out.disableAutoRequest();
    out.request(WINDOW);
    Thread.ofVirtual().name("outturn-import").start(Context.current().wrap(this::run));
    return this;
  }

  @Override
  public void onNext(ImportOutturnsRequest message) {
    failIfFailed();
    if (message.hasOptions() && received > 0) {
      messages.add(CANCEL);
      throw ApiException.invalid("options", "must come in the first message");
    }
    if (message.hasRows() && message.getSerializedSize() > MAX_MESSAGE_BYTES) {
      messages.add(CANCEL);
      throw ApiException.invalid("rows", "a message of an import carries at most " + MAX_MESSAGE_BYTES / 1024
          + " KiB; send fewer rows in each");
    }
    if (message.hasOptions()) {
      messages.add(message);
      return;
    }
    List<OutturnRow> rows = message.hasRows() ? message.getRows().getRowsList() : List.of(message.getRow());
    if (received + (long) rows.size() > imports.maxRows) {
      messages.add(CANCEL);
      throw imports.tooManyRows();
    }
    // A row's shape is checked here, on gRPC's side, while the import's thread looks up and stages the rows before.
    Received[] checked = new Received[rows.size()];
    for (int i = 0; i < checked.length; i++) {
      OutturnRow row = rows.get(i);
      checked[i] = new Received(row, MeasureMapper.fromProto(row, ++received));
    }
    messages.add(checked);
  }

  /** A row as it came and as its shape was checked. */
  private record Received(OutturnRow row, ImportRow checked) {
  }

  @Override
  public void onError(Throwable t) {
    messages.add(CANCEL); // the client gave up: nothing is written
  }

  /** Waits for the import's answer (as a unary call does its work), or its failure for the GrpcErrorInterceptor. */
  @Override
  public void onCompleted() {
    messages.add(END);
    Unary.reply(out, this::answer);
  }

  /** Ends the call with the import's failure as soon as there is one (a database gone, say). */
  private void failIfFailed() {
    if (answer.isCompletedExceptionally()) {
      answer();
    }
  }

  private ImportOutturnsResponse answer() {
    try {
      return answer.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private void run() {
    try {
      imports.running.acquire();
      try {
        answer.complete(imports.transactions.executeWrite(status -> work(status.getConnection())));
      } finally {
        imports.running.release();
      }
    } catch (Throwable t) {
      answer.completeExceptionally(t);
      messages.clear();
      if (!(t instanceof Cancelled) && !out.isCancelled()) {
        out.request(1); // so that the next message or the end comes, and ends the call with the failure
      }
    }
  }

  /** The whole import, in its transaction on {@code connection}. */
  private ImportOutturnsResponse work(Connection connection) {
    long started = System.nanoTime();
    OutturnStaging staging = new OutturnStaging(connection);
    ImportCodes codes = new ImportCodes(imports.indicators, imports.references, staging::pause);
    ImportOptions options = null;
    RequestLog.RequestHash hash = null;
    int taken = 0;
    int position = 0;
    int accepted = 0;
    int rejectedCount = 0;
    List<ImportRow> rejected = new ArrayList<>();
    try {
      for (Object message = take(); message != END; message = take()) {
        if (++taken % (WINDOW / 2) == 0) {
          out.request(WINDOW / 2);
        }
        boolean given = message instanceof ImportOutturnsRequest;
        if (given || options == null) {
          options = given ? ((ImportOutturnsRequest) message).getOptions() : ImportOptions.getDefaultInstance();
          hash = hashOf(options);
        }
        if (!(message instanceof Received[] rows)) {
          continue;
        }
        for (Received in : rows) {
          OutturnRow row = in.row();
          position++;
          if (hash != null) {
            hash.add(row.getRowNumber() > 0 ? row : row.toBuilder().setRowNumber(position).build());
          }
          ImportRow r = in.checked();
          OutturnRevisionRow o = placed(codes.indicator(r.indicator(), "indicator", r.problems()), r, codes);
          if (r.problems().isEmpty() && o != null) {
            accepted++;
            if (!options.getValidateOnly() && (rejectedCount == 0 || options.getAllowPartial())) {
              staging.add(position, o);
            }
          } else if (rejectedCount++ < REPORTED) {
            rejected.add(r);
          }
        }
      }
    } catch (RuntimeException e) {
      staging.abandon();
      throw e;
    }
    if (options == null) {
      options = ImportOptions.getDefaultInstance();
      hash = hashOf(options);
    }
    staging.pause();
    String who = rights.check(codes.indicatorNames(), options);
    boolean write = !options.getValidateOnly() && (rejectedCount == 0 || options.getAllowPartial()) && accepted > 0;
    ImportResult result = new ImportResult(accepted, rejected, rejectedCount, write);
    boolean publish = options.getPublish();
    RequestLog.RequestHash request = hash;
    int rows = position;
    return imports.requestLog.once(ImportOutturnsRequest.getDescriptor().getFullName(), options.getRequestId(),
        "options.request_id", () -> request, () -> {
          if (write) {
            long applying = System.nanoTime();
            staging.apply(publish, who, Instant.now().truncatedTo(ChronoUnit.MICROS));
            LOG.info("outturn import: {} rows checked and {} staged in {} ms, written in {} ms", rows, staging.staged(),
                (applying - started) / 1_000_000, (System.nanoTime() - applying) / 1_000_000);
            imports.audit.record(AuditLog.IMPORT, "indicators/-/outturns", null, MeasureMapper.toProto(result));
          }
          return MeasureMapper.toProto(result);
        }, ImportOutturnsResponse.parser());
  }

  /** The hash of the request, begun with its options (request_id cleared); null when it carries no request_id. */
  private static RequestLog.RequestHash hashOf(ImportOptions options) {
    if (options.getRequestId().isEmpty()) {
      return null;
    }
    RequestLog.RequestHash hash = new RequestLog.RequestHash();
    hash.add(options.toBuilder().clearRequestId().build());
    return hash;
  }

  /** The next message, taken from gRPC's side in batches (one hand-over for many rows). */
  private Object take() {
    try {
      if (batch.isEmpty()) {
        batch.add(messages.take());
        messages.drainTo(batch, WINDOW);
      }
      Object message = batch.poll();
      if (message == CANCEL) {
        throw new Cancelled();
      }
      return message;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Cancelled();
    }
  }

  /**
   * The row's outturn with the periods and area it names found, or null (with its problems) when any is missing or
   * the indicator or figure is: checked as a single outturn is (MeasureService), in the same order.
   */
  private static OutturnRevisionRow placed(IndicatorRow indicator, ImportRow r, ImportCodes codes) {
    OutturnDraft d = r.outturn();
    Violations v = r.problems();
    PeriodRow period = codes.period(d.period(), "period", true, v);
    PeriodRow dataPeriod = codes.period(d.dataPeriod(), "data_period", false, v);
    AreaRow area = codes.area(d.area(), "area", v);
    if (indicator != null) {
      FigureUnits.check(indicator.units(), d.row().figure(), "value", v);
    }
    if (indicator == null || period == null || area == null || d.row().figure() == null) {
      return null;
    }
    return d.row().placed(indicator.id(), period.id(), dataPeriod == null ? null : dataPeriod.id(), area.id());
  }
}
