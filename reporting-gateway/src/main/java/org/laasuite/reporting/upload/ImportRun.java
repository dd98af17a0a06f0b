package org.laasuite.reporting.upload;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.indicators.v1.ImportProgress;
import org.laasuite.indicators.v1.ImportSimpleViewEvent;
import org.laasuite.indicators.v1.ImportSimpleViewRequest;
import org.laasuite.indicators.v1.ImportSimpleViewResponse;
import org.laasuite.reporting.upstream.Answers;
import org.laasuite.reporting.upstream.Upstreams;

/**
 * One import under way, as the page and its progress endpoint show it: the last progress the indicators service told
 * of (StreamImportSimpleView), then its result or its refusal. A service that does not stream imports yet (it answers
 * UNIMPLEMENTED before any event) is asked the unary ImportSimpleView instead, and the progress then says only that
 * the file was sent and the answer is awaited.
 */
final class ImportRun {

  /** How long an import may take, read, checked and written. */
  static final Duration DEADLINE = Duration.ofMinutes(10);

  private volatile ImportProgress progress = ImportProgress.getDefaultInstance();
  private volatile boolean streamed;
  private volatile ImportSimpleViewResponse result;
  private volatile ApiException failure;

  /** Starts the import of {@code request} as the person whose token this is. */
  static ImportRun start(Upstreams upstreams, String token, ImportSimpleViewRequest request) {
    ImportRun run = new ImportRun();
    upstreams.streamImportSimpleView(token, request, DEADLINE, new StreamObserver<>() {
      @Override
      public void onNext(ImportSimpleViewEvent event) {
        run.streamed = true;
        if (event.hasProgress()) {
          run.progress = event.getProgress();
        } else if (event.hasResult()) {
          run.result = event.getResult();
        }
      }

      @Override
      public void onError(Throwable t) {
        Status status = Status.fromThrowable(t);
        if (status.getCode() == Status.Code.UNIMPLEMENTED && !run.streamed) {
          run.unary(upstreams, token, request);
        } else {
          run.failure = Answers.passedOn(status.asException(Status.trailersFromThrowable(t)), Upstreams.INDICATORS);
        }
      }

      @Override
      public void onCompleted() {
        if (run.result == null) {
          run.failure = Answers.passedOn(Status.UNKNOWN.withDescription("the import ended without its result")
              .asException(), Upstreams.INDICATORS);
        }
      }
    });
    return run;
  }

  private void unary(Upstreams upstreams, String token, ImportSimpleViewRequest request) {
    Futures.addCallback(upstreams.indicatorsAs(token).withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
        .importSimpleView(request), new FutureCallback<>() {
          @Override
          public void onSuccess(ImportSimpleViewResponse answer) {
            result = answer;
          }

          @Override
          public void onFailure(Throwable t) {
            failure = Answers.passedOn(Status.fromThrowable(t).asException(Status.trailersFromThrowable(t)),
                Upstreams.INDICATORS);
          }
        }, MoreExecutors.directExecutor());
  }

  /** The last progress told of; the default instance before any (or when the service does not stream). */
  ImportProgress progress() {
    return progress;
  }

  /** Whether the service has told of its progress (false: it imports without telling, or has not begun). */
  boolean streamed() {
    return streamed;
  }

  boolean finished() {
    return result != null || failure != null;
  }

  /** The import's answer; null until it has finished, or when it failed. */
  ImportSimpleViewResponse result() {
    return result;
  }

  /** Why the import failed; null unless it did. */
  ApiException failure() {
    return failure;
  }
}
