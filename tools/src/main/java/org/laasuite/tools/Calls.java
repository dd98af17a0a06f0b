package org.laasuite.tools;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import org.laasuite.auth.BearerToken;
import org.laasuite.type.v1.ImportProblem;

/** One gRPC call from the command line: a channel, the call, a readable error, the channel closed. */
final class Calls {

  private Calls() {
  }

  interface Work {
    int run(ManagedChannel channel) throws Exception;
  }

  /** Whether {@code file} is there to read; if not, says so. */
  static boolean readable(java.nio.file.Path file) {
    if (java.nio.file.Files.isRegularFile(file)) {
      return true;
    }
    System.err.println("no such file: " + file);
    return false;
  }

  /**
   * Prints an import's problems, each where it is: {@code file:line [column]: description}, or
   * {@code file: path: description} in a structured file, {@code file (sheet CYP):line [column]: description} in a
   * workbook. A problem naming its own file (one of
   * several an import read) is placed in {@code where}, a folder; else {@code where} is the file.
   */
  static void printProblems(java.nio.file.Path where, java.util.List<ImportProblem> problems) {
    for (ImportProblem p : problems) {
      System.err.println((p.getFile().isEmpty() ? where : where.resolve(p.getFile()))
          + (p.getSheet().isEmpty() ? "" : " (sheet " + p.getSheet() + ")") + (p.getLine() > 0 ? ":" + p.getLine() : "") + (p.getColumn().isEmpty() ? "" : " [" + p.getColumn() + "]")
          + (p.getPath().isEmpty() ? "" : ": " + p.getPath()) + ": " + p.getDescription());
    }
  }

  /**
   * The rows of a CSV file whose header names every one of {@code columns}; null, having said why ({@code none}
   * when it has no row), when it has no row or lacks a column.
   */
  static java.util.List<org.apache.commons.csv.CSVRecord> csvRows(java.nio.file.Path file,
      java.util.List<String> columns, String none) throws java.io.IOException {
    java.util.List<org.apache.commons.csv.CSVRecord> rows;
    try (java.io.Reader in = java.nio.file.Files.newBufferedReader(file)) {
      rows = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)
          .getRecords();
    }
    java.util.List<String> missing = new java.util.ArrayList<>(columns);
    if (!rows.isEmpty()) {
      missing.removeAll(rows.getFirst().getParser().getHeaderNames());
    }
    if (rows.isEmpty() || !missing.isEmpty()) {
      System.err.println(file + ": " + (rows.isEmpty() ? none : "no column " + String.join(", ", missing)));
      return null;
    }
    return rows;
  }

  /**
   * Prints each field a batch's INVALID_ARGUMENT names at its place in {@code file}, "file:3 [narrative.period]:
   * description": {@code at} gives the line and the field within the row of a field ("requests[2].narrative.period"),
   * or null for a field of no row. Then that nothing was loaded.
   */
  static void printViolations(java.nio.file.Path file, StatusRuntimeException e,
      java.util.function.Function<String, String> at) {
    for (var d : io.grpc.protobuf.StatusProto.fromThrowable(e).getDetailsList()) {
      if (d.is(com.google.rpc.BadRequest.class)) {
        try {
          for (var v : d.unpack(com.google.rpc.BadRequest.class).getFieldViolationsList()) {
            String where = at.apply(v.getField());
            System.err.println(file + ":" + (where == null ? "[" + v.getField() + "]" : where) + ": "
                + v.getDescription());
          }
        } catch (com.google.protobuf.InvalidProtocolBufferException bad) {
          throw new IllegalStateException(bad);
        }
      }
    }
    System.err.println(file.getFileName() + ": NOT loaded");
  }

  /**
   * The token the tools call with: the system property laa.token, else the environment's LAA_TOKEN (bin/laa
   * sets the partnership admin's from the local issuer); null: calls without one.
   */
  static String token() {
    String t = System.getProperty("laa.token", System.getenv("LAA_TOKEN"));
    return t == null || t.isBlank() ? null : t.strip();
  }

  static int with(String target, Work work) throws Exception {
    ManagedChannelBuilder<?> builder = ManagedChannelBuilder.forTarget(target).usePlaintext()
        .maxInboundMessageSize(16 * 1024 * 1024);
    String token = token();
    if (token != null) {
      builder.intercept(BearerToken.of(token).onEveryCall());
    }
    ManagedChannel channel = builder.build();
    try {
      return work.run(channel);
    } catch (StatusRuntimeException e) {
      System.err.println(target + ": " + e.getStatus().getCode() + ": " + e.getStatus().getDescription());
      return 1;
    } finally {
      channel.shutdownNow();
    }
  }
}
