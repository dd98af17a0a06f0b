package org.laasuite.common.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.laasuite.indicators.v1.Rating;
import org.laasuite.type.v1.LaaBlock;

class ProtoEnumsTest {

  @Test
  void aValueReadsWithOrWithoutItsEnumsPrefix() {
    assertEquals(Optional.of(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE),
        ProtoEnums.parse(LaaBlock.class, "CHILDREN_AND_YOUNG_PEOPLE"));
    assertEquals(Optional.of(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE),
        ProtoEnums.parse(LaaBlock.class, " LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE "));
  }

  @Test
  void unknownBlankAndUnspecifiedNamesReadAsNothing() {
    assertEquals(Optional.empty(), ProtoEnums.parse(Rating.class, "PURPLE"));
    assertEquals(Optional.empty(), ProtoEnums.parse(Rating.class, ""));
    assertEquals(Optional.empty(), ProtoEnums.parse(Rating.class, "RATING_UNSPECIFIED"));
    assertEquals(Optional.empty(), ProtoEnums.parse(Rating.class, "UNSPECIFIED"));
    assertEquals(Optional.empty(), ProtoEnums.parse(Rating.class, "UNRECOGNIZED"));
  }

  @Test
  void peopleReadTheValueWithoutItsPrefix() {
    assertEquals("TOO_EARLY_TO_ASSESS", ProtoEnums.shortName(Rating.RATING_TOO_EARLY_TO_ASSESS));
    assertEquals("too early to assess", ProtoEnums.words(Rating.RATING_TOO_EARLY_TO_ASSESS));
    assertEquals("children-and-young-people", ProtoEnums.slug(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE));
  }

  @Test
  void aRequiredEnumMustNameAValueAndTheViolationListsTheChoices() {
    Violations v = new Violations();
    assertTrue(ProtoEnums.required(Rating.RATING_RED, "rating", v));
    assertFalse(ProtoEnums.required(Rating.RATING_UNSPECIFIED, "rating", v));
    assertFalse(ProtoEnums.known(Rating.UNRECOGNIZED, "judgement.rating", v));
    assertTrue(ProtoEnums.known(Rating.RATING_UNSPECIFIED, "judgement.rating", v));
    assertEquals(2, v.list().size());
    assertEquals("rating", v.list().get(0).getField());
    assertEquals("must be one of RATING_GREEN, RATING_AMBER, RATING_RED, RATING_TOO_EARLY_TO_ASSESS",
        v.list().get(0).getDescription());
    assertEquals("judgement.rating", v.list().get(1).getField());
  }
}
