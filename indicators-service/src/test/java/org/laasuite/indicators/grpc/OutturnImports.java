package org.laasuite.indicators.grpc;

import java.util.Iterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.laasuite.indicators.v1.ImportOptions;
import org.laasuite.indicators.v1.ImportOutturnsRequest;
import org.laasuite.indicators.v1.ImportOutturnsResponse;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.indicators.v1.OutturnRow;
import org.laasuite.indicators.v1.OutturnRows;
import org.laasuite.testkit.ClientStreams;

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
    return send(client, options, rows, 1);
  }

  /** {@link #send} with {@code perMessage} rows in each message (as OutturnRows when more than one). */
  static ImportOutturnsResponse send(IndicatorServiceGrpc.IndicatorServiceStub client, ImportOptions options,
      Iterator<OutturnRow> rows, int perMessage) throws Exception {
    Stream<ImportOutturnsRequest> first = Stream.ofNullable(options)
        .map(o -> ImportOutturnsRequest.newBuilder().setOptions(o).build());
    Iterator<ImportOutturnsRequest> messages = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public ImportOutturnsRequest next() {
        if (perMessage == 1) {
          return ImportOutturnsRequest.newBuilder().setRow(rows.next()).build();
        }
        OutturnRows.Builder batch = OutturnRows.newBuilder();
        while (rows.hasNext() && batch.getRowsCount() < perMessage) {
          batch.addRows(rows.next());
        }
        return ImportOutturnsRequest.newBuilder().setRows(batch).build();
      }
    };
    Stream<ImportOutturnsRequest> then = StreamSupport.stream(Spliterators.spliteratorUnknownSize(messages, 0), false);
    return ClientStreams.send(client::importOutturns, Stream.concat(first, then).iterator());
  }
}
