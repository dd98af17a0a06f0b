package org.laasuite.reporting.upstream;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Every item of a list method, asked for page after page (each call with its own deadline) until the service
 * gives no next page token: with the largest page the services serve (500), one call for most listings.
 */
public final class Paging {

  /** The largest page a service serves. */
  public static final int PAGE = 500;

  private Paging() {
  }

  /**
   * @param page the call for a page token ("" for the first)
   * @param items a page's items
   * @param next a page's next page token
   */
  public static <R, T> ListenableFuture<List<T>> all(Function<String, ListenableFuture<R>> page,
      Function<R, List<T>> items, Function<R, String> next) {
    return from(page, items, next, "", new ArrayList<>());
  }

  private static <R, T> ListenableFuture<List<T>> from(Function<String, ListenableFuture<R>> page,
      Function<R, List<T>> items, Function<R, String> next, String token, List<T> so) {
    return Futures.transformAsync(page.apply(token), answer -> {
      so.addAll(items.apply(answer));
      String following = next.apply(answer);
      return following.isEmpty() ? Futures.immediateFuture(so) : from(page, items, next, following, so);
    }, MoreExecutors.directExecutor());
  }
}
