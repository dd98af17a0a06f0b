package org.laasuite.tools;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;

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

  static int with(String target, Work work) throws Exception {
    ManagedChannel channel = ManagedChannelBuilder.forTarget(target).usePlaintext()
        .maxInboundMessageSize(16 * 1024 * 1024).build();
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
