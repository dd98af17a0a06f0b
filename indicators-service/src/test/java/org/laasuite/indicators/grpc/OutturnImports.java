package org.laasuite.indicators.grpc;

import io.grpc.stub.StreamObserver;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.laasuite.indicators.v1.ImportOptions;
import org.laasuite.indicators.v1.ImportOutturnsRequest;
import org.laasuite.indicators.v1.ImportOutturnsResponse;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.indicators.v1.OutturnRow;

/** An ImportOutturns stream sent as a client would: options first when given, then the rows. */
final class OutturnImports {

  private OutturnImports() {
  }

  /**
   * Sends the rows (stopping early once the service has answered, as a client that is refused does)
   * and answers the response; a refusal is thrown as the StatusRuntimeException it is.
   */
  static ImportOutturnsResponse send(IndicatorServiceGrpc.IndicatorServiceStub client, ImportOptions options,
      Iterator<OutturnRow> rows) throws Exception {
    CompletableFuture<ImportOutturnsResponse> result = new CompletableFuture<>();
    StreamObserver<ImportOutturnsRequest> requests = client.importOutturns(new StreamObserver<>() {
      @Override
      public void onNext(ImportOutturnsResponse value) {
        result.complete(value);
      }

      @Override
      public void onError(Throwable t) {
        result.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {
      }
    });
    if (options != null) {
      requests.onNext(ImportOutturnsRequest.newBuilder().setOptions(options).build());
    }
    while (rows.hasNext() && !result.isDone()) {
      requests.onNext(ImportOutturnsRequest.newBuilder().setRow(rows.next()).build());
    }
    requests.onCompleted();
    try {
      return result.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
