package org.laasuite.indicators.importer;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import org.laasuite.common.audit.AuditLog;
import org.laasuite.common.db.RequestLog;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.indicators.indicator.IndicatorService;
import org.laasuite.indicators.measure.References;
import org.laasuite.indicators.v1.ImportOptions;
import org.laasuite.indicators.v1.ImportOutturnsRequest;
import org.laasuite.indicators.v1.ImportOutturnsResponse;

/**
 * ImportOutturns streams: each checked row by row as it comes and staged in the database, never kept in memory, then
 * written in a few set-based statements when the client is done (see {@link OutturnImport}).
 *
 * <p>At most {@code laa.outturn-import.max-rows} rows a stream (5,000,000 unless set), and at most
 * {@code laa.outturn-import.concurrency} imports at once (2 unless set): each holds a database connection for as
 * long as its stream lasts, and the others wait their turn (their clients held back by gRPC's flow control), so that
 * imports never take every connection from the service's other calls.
 */
@Singleton
public class OutturnImports {

  /**
   * What the endpoint checks before an import writes or answers: the caller's rights on the indicators the rows
   * name ("indicators/CYP-28", archived ones too) and to publish when {@code options} ask it; answers who writes.
   */
  @FunctionalInterface
  public interface Rights {
    String check(List<String> indicatorNames, ImportOptions options);
  }

  final TransactionOperations<Connection> transactions;
  final IndicatorService indicators;
  final References references;
  final RequestLog requestLog;
  final AuditLog audit;
  final int maxRows;
  final Semaphore running;

  public OutturnImports(TransactionOperations<Connection> transactions, IndicatorService indicators,
      References references, RequestLog requestLog, AuditLog audit,
      @Value("${laa.outturn-import.max-rows:5000000}") int maxRows,
      @Value("${laa.outturn-import.concurrency:2}") int concurrency) {
    this.transactions = transactions;
    this.indicators = indicators;
    this.references = references;
    this.requestLog = requestLog;
    this.audit = audit;
    this.maxRows = maxRows;
    this.running = new Semaphore(concurrency, true);
  }

  /** Starts serving one stream, which answers on {@code out}; {@code rights} is asked before it answers. */
  public StreamObserver<ImportOutturnsRequest> open(StreamObserver<ImportOutturnsResponse> out, Rights rights) {
    return new OutturnImport(this, (ServerCallStreamObserver<ImportOutturnsResponse>) out, rights).start();
  }

  /** Refuses the row that passes the limit, naming it. */
  ApiException tooManyRows() {
    return ApiException.invalid("row", "an outturn import takes at most " + String.format(Locale.ROOT, "%,d", maxRows)
        + " rows; send the rest in another import");
  }
}
