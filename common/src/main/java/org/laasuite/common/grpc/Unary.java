package org.laasuite.common.grpc;

import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;

/** A unary endpoint's answer: the work's result, or its exception for the GrpcErrorInterceptor. */
public final class Unary {

  private Unary() {
  }

  public static <T> void reply(StreamObserver<T> out, Supplier<T> work) {
    out.onNext(work.get());
    out.onCompleted();
  }
}
