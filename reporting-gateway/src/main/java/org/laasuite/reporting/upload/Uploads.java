package org.laasuite.reporting.upload;

import io.grpc.Status;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.laasuite.common.grpc.ApiException;

/**
 * The files chosen on the upload page, kept in the gateway's memory between the dry run and the import, with the
 * imports under way: each for {@link #KEPT} after it was chosen, at most {@link #MAX_KEPT} files at once (the oldest
 * not being imported forgotten first), so at most {@code MAX_KEPT} times the 8 MiB an import file may be. A file
 * forgotten, or kept by another replica of the gateway, is chosen again: the page says so.
 */
@Singleton
class Uploads {

  static final Duration KEPT = Duration.ofMinutes(30);
  static final int MAX_KEPT = 8;

  private record Kept(Upload upload, ImportRun run) {
  }

  private final Clock clock = Clock.systemUTC();
  private final Map<String, Kept> kept = new LinkedHashMap<>();

  /** Keeps a file {@code owner} chose; answers it with its id. */
  synchronized Upload keep(String owner, String fileName, byte[] content, boolean workbook) {
    forgetOld();
    if (kept.size() >= MAX_KEPT) {
      // The oldest not being imported now; an import under way is kept until it has finished.
      String oldest = kept.values().stream().filter(k -> k.run() == null || k.run().finished()).map(k -> k.upload()
          .id()).findFirst().orElseThrow(() -> new ApiException(Status.Code.UNAVAILABLE, "UPLOADS_BUSY", "The gateway "
          + "is importing " + MAX_KEPT + " files now, as many as it keeps at once: choose the file again in a "
          + "minute.", List.of()));
      kept.remove(oldest);
    }
    // A random UUID (122 bits from a SecureRandom): opaque, and the import's request_id.
    String id = UUID.randomUUID().toString();
    Upload upload = new Upload(id, owner, fileName, content, workbook, clock.instant());
    kept.put(id, new Kept(upload, null));
    return upload;
  }

  /** The file {@code id} if {@code owner} chose it and it is still kept. */
  synchronized Optional<Upload> get(String id, String owner) {
    forgetOld();
    Kept k = kept.get(id);
    return k == null || !k.upload().owner().equals(owner) ? Optional.empty() : Optional.of(k.upload());
  }

  /** Its import, started by {@code start} unless it was started already (an Import sent twice imports once). */
  synchronized ImportRun run(Upload upload, java.util.function.Supplier<ImportRun> start) {
    Kept k = kept.get(upload.id());
    if (k == null) {
      k = new Kept(upload, null);
    }
    if (k.run() == null) {
      k = new Kept(upload, start.get());
    }
    kept.put(upload.id(), k);
    return k.run();
  }

  /** Its import, if one was started. */
  synchronized Optional<ImportRun> runOf(String id, String owner) {
    Kept k = kept.get(id);
    return k == null || !k.upload().owner().equals(owner) ? Optional.empty() : Optional.ofNullable(k.run());
  }

  private void forgetOld() {
    Instant before = clock.instant().minus(KEPT);
    for (Iterator<Kept> i = kept.values().iterator(); i.hasNext(); ) {
      Kept k = i.next();
      if (k.upload().kept().isBefore(before) && (k.run() == null || k.run().finished())) {
        i.remove();
      }
    }
  }
}
