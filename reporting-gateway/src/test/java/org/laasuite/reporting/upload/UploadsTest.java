package org.laasuite.reporting.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laasuite.common.grpc.ApiException;

class UploadsTest {

  private static final String NIGEL = Upload.owner("https://issuer", "people/nigel-hart");
  private static final String DAVID = Upload.owner("https://issuer", "people/david-smithson");

  @Test
  void aFileIsKeptUnderARandomIdForThePersonWhoChoseItOnly() {
    Uploads uploads = new Uploads();
    Upload a = uploads.keep(NIGEL, "a.csv", new byte[] {1}, false);
    Upload b = uploads.keep(NIGEL, "a.csv", new byte[] {1}, false);
    assertNotEquals(a.id(), b.id());
    assertTrue(a.id().matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}"), a.id());
    assertSame(a, uploads.get(a.id(), NIGEL).orElseThrow());
    assertTrue(uploads.get(a.id(), DAVID).isEmpty(), "not another person's");
    assertTrue(uploads.get("no-such-id", NIGEL).isEmpty());
  }

  @Test
  void anImportIsStartedOnceHoweverOftenItIsAsked() {
    Uploads uploads = new Uploads();
    Upload a = uploads.keep(NIGEL, "a.csv", new byte[] {1}, false);
    List<ImportRun> started = new ArrayList<>();
    ImportRun first = uploads.run(a, () -> {
      started.add(new ImportRun());
      return started.getLast();
    });
    ImportRun again = uploads.run(a, () -> {
      started.add(new ImportRun());
      return started.getLast();
    });
    assertSame(first, again);
    assertEquals(1, started.size());
    assertSame(first, uploads.runOf(a.id(), NIGEL).orElseThrow());
    assertTrue(uploads.runOf(a.id(), DAVID).isEmpty());
  }

  @Test
  void atMostEightFilesAreKeptTheOldestNotBeingImportedForgottenFirst() {
    Uploads uploads = new Uploads();
    List<Upload> kept = new ArrayList<>();
    for (int i = 0; i < Uploads.MAX_KEPT; i++) {
      kept.add(uploads.keep(NIGEL, i + ".csv", new byte[] {1}, false));
    }
    uploads.run(kept.getFirst(), ImportRun::new); // under way: never finishes here
    uploads.keep(NIGEL, "ninth.csv", new byte[] {1}, false);
    assertTrue(uploads.get(kept.getFirst().id(), NIGEL).isPresent(), "an import under way is kept");
    assertTrue(uploads.get(kept.get(1).id(), NIGEL).isEmpty(), "the oldest other one is forgotten");

    Uploads busy = new Uploads();
    for (int i = 0; i < Uploads.MAX_KEPT; i++) {
      busy.run(busy.keep(NIGEL, i + ".csv", new byte[] {1}, false), ImportRun::new);
    }
    ApiException e = assertThrows(ApiException.class, () -> busy.keep(NIGEL, "ninth.csv", new byte[] {1}, false));
    assertEquals(Status.Code.UNAVAILABLE, e.code());
    assertEquals("UPLOADS_BUSY", e.reason());
  }
}
