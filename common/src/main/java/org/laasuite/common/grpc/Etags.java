package org.laasuite.common.grpc;

import io.grpc.Status;
import java.util.List;

/**
 * Entity tags of updatable resources (AIP-154). A row keeps a version, incremented by every update
 * under the row's lock ({@code SELECT … FOR UPDATE}); its etag is the quoted string
 * {@code "<row id>-<version>"}, opaque to clients. The row id makes an etag read before a delete
 * never match a resource created again under the same name.
 */
public final class Etags {

  public static final String MISMATCH = "ETAG_MISMATCH";

  private Etags() {
  }

  /** The etag of the row {@code id} at {@code version}. */
  public static String of(long id, long version) {
    return "\"" + id + "-" + version + "\"";
  }

  /**
   * Refuses a change with ABORTED (reason ETAG_MISMATCH) when the client sent an etag ({@code given}
   * not empty) that is not {@code current}, the etag of {@code name} as it is now; an empty one
   * passes.
   */
  public static void check(String given, String current, String name) {
    if (!given.isEmpty() && !given.equals(current)) {
      throw new ApiException(Status.Code.ABORTED, MISMATCH, name + " has changed since it was read (its etag is "
          + "now " + current + "): read it again and reapply the change", List.of());
    }
  }
}
