package org.laasuite.common.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResourceNamesTest {

  @Test
  void eachCollectionKnowsItsIdPattern() {
    assertTrue(ResourceNames.INDICATORS.isName("indicators/CYP-28"), "indicator codes keep their capitals");
    assertFalse(ResourceNames.AREAS.isName("areas/Rest-Of-City"), "area codes are lower-case");
    assertTrue(ResourceNames.FUNDING_STREAMS.isName("fundingStreams/nrf-cyp"));
    assertFalse(ResourceNames.BODIES.isName("people/sara-roach"));
    assertFalse(ResourceNames.BODIES.isName("bodies/"));
    assertFalse(ResourceNames.BODIES.isName("bodies/a/b"));
    assertTrue(ResourceNames.isNameIn("people/sara-roach", ResourceNames.PEOPLE, ResourceNames.BODIES));
  }

  @Test
  void aMalformedNameIsAViolationOfItsField() {
    Violations v = new Violations();
    assertEquals("CYP-28", ResourceNames.INDICATORS.id("indicators/CYP-28", "name", v));
    assertNull(ResourceNames.INDICATORS.id("indicator/CYP-28", "requests[2].parent", v));
    assertNull(ResourceNames.MEETINGS.id("", "meeting", v));
    assertEquals(2, v.list().size());
    assertEquals("requests[2].parent", v.list().get(0).getField());
    assertEquals("meeting", v.list().get(1).getField());
    assertEquals("is required", v.list().get(1).getDescription());
  }

  @Test
  void anAbsentResourceIsNotFoundAndAMalformedNameInvalid() {
    var notFound = assertThrows(ApiException.class,
        () -> ResourceNames.BODIES.find("bodies/nobody", "name", id -> Optional.empty()));
    assertEquals(Status.Code.NOT_FOUND, notFound.code());
    var invalid = assertThrows(ApiException.class,
        () -> ResourceNames.BODIES.find("bodies/No Body", "name", id -> Optional.of("x")));
    assertEquals(Status.Code.INVALID_ARGUMENT, invalid.code());
  }

  @Test
  void aBatchHasOneLimitForTheWholeSuite() {
    Violations v = new Violations();
    assertTrue(ResourceNames.checkBatch(ResourceNames.MAX_BATCH, true, "names", "indicators", v));
    assertFalse(ResourceNames.checkBatch(ResourceNames.MAX_BATCH + 1, false, "names", "indicators", v));
    assertFalse(ResourceNames.checkBatch(0, true, "requests", "narratives", v));
    assertEquals("names 1001 indicators; 0 to 1000 at a time", v.list().get(0).getDescription());
  }

  @Test
  void aChildNameGivesItsParentAndNumber() {
    Violations v = new Violations();
    var child = ResourceNames.child("bodies/board/memberships/12", ResourceNames.BODIES, "memberships", "name", v);
    assertEquals(new ResourceNames.ChildName("board", 12), child);
    assertNull(ResourceNames.child("bodies/board/memberships/x", ResourceNames.BODIES, "memberships", "name", v));
    assertEquals(1, v.list().size());
  }
}
