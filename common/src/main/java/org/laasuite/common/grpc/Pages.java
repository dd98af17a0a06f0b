package org.laasuite.common.grpc;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * AIP-158 pagination: page sizes and opaque page tokens. A token carries the offset of the next
 * page and a fingerprint of the query it belongs to, so that a token cannot be replayed against
 * other filters.
 */
public final class Pages {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 500;
  private static final String NOT_OURS = "is not a token this service issued";

  private Pages() {
  }

  /**
   * A page request, validated: the endpoint makes it from the request's page_size and page_token
   * (bound to a description of the filters), the service hands {@link #size()} and {@link #offset()}
   * to SQL (LIMIT, OFFSET) and answers {@link #slice}.
   */
  public record Page(int size, int offset, String query) {

    /** The rows SQL returned for this page, with the token for the next. */
    public <T> Slice<T> slice(List<T> rows) {
      return new Slice<>(rows, nextToken(rows.size()));
    }

    /** The rows SQL returned for this page out of {@code total}, with the token for the next. */
    public <T> Slice<T> slice(List<T> rows, long total) {
      return new Slice<>(rows, nextToken(rows.size(), total), total);
    }

    /** The token for the page after this one, or "" when {@code returned} shows this was the last. */
    public String nextToken(int returned, long total) {
      long next = (long) offset + returned;
      return returned < size || next >= total ? "" : encode(next, query);
    }

    /** The token when the total is unknown: another page exists if this one came back full. */
    public String nextToken(int returned) {
      return returned < size ? "" : encode((long) offset + returned, query);
    }
  }

  /**
   * One page of a listing as a service answers it: the rows (entities) and the token for the next
   * page ("" on the last); {@code totalSize} is -1 where the listing does not count.
   */
  public record Slice<T>(List<T> items, String nextPageToken, long totalSize) {

    public Slice(List<T> items, String nextPageToken) {
      this(items, nextPageToken, -1);
    }

    /** The same page with each item mapped (entity to proto). */
    public <R> List<R> map(Function<? super T, ? extends R> mapper) {
      return items.stream().<R>map(mapper).toList();
    }
  }

  /**
   * A page of a listing read by key rather than by position, for an append-only log read newest first: rows
   * recorded while its pages are read would move every later page's offset, so its token carries the key of the
   * last row returned instead, and the next page is the rows past it ({@link #after()}: 0 on the first page).
   */
  public record Keyed(int size, long after, String query) {

    /** The rows SQL returned for this page, with the token for the next (the last row's {@code key}). */
    public <T> Slice<T> slice(List<T> rows, ToLongFunction<T> key) {
      return new Slice<>(rows, rows.size() < size || rows.isEmpty() ? ""
          : encode(key.applyAsLong(rows.getLast()), query));
    }
  }

  /**
   * Validates page_size and page_token into {@code v}; {@code query} is a stable description of the
   * filters (e.g. "block=CYP;source=") that the token is bound to.
   */
  public static Page page(int pageSize, String pageToken, String query, Violations v) {
    int size = size(pageSize, v);
    long offset = pageToken == null || pageToken.isEmpty() ? 0 : decode(pageToken, query, v);
    if (offset > Integer.MAX_VALUE) {
      v.add("page_token", NOT_OURS);
      offset = 0;
    }
    return new Page(size, (int) offset, query);
  }

  /** The same for a listing read by key ({@link Keyed}). */
  public static Keyed keyed(int pageSize, String pageToken, String query, Violations v) {
    int size = size(pageSize, v);
    return new Keyed(size, pageToken == null || pageToken.isEmpty() ? 0 : decode(pageToken, query, v), query);
  }

  private static int size(int pageSize, Violations v) {
    v.check(pageSize >= 0, "page_size", "must not be negative");
    return pageSize == 0 ? DEFAULT_SIZE : Math.min(pageSize, MAX_SIZE);
  }

  /** A page request on its own: its violations are thrown at once. */
  public static Page page(int pageSize, String pageToken, String query) {
    Violations v = new Violations();
    Page p = page(pageSize, pageToken, query, v);
    v.throwIfAny();
    return p;
  }

  private static String encode(long offset, String query) {
    String raw = "1:" + offset + ":" + Integer.toHexString(query.hashCode());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static long decode(String token, String query, Violations v) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      String[] parts = raw.split(":", -1);
      if (parts.length == 3 && parts[0].equals("1")) {
        long offset = Long.parseLong(parts[1]);
        if (offset >= 0 && parts[2].equals(Integer.toHexString(query.hashCode()))) {
          return offset;
        }
        if (offset >= 0) {
          v.add("page_token", "belongs to a listing with other filters; start again without a token");
          return 0;
        }
      }
    } catch (IllegalArgumentException malformed) {
      // falls through to the violation below
    }
    v.add("page_token", NOT_OURS);
    return 0;
  }
}
