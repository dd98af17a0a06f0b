package org.laasuite.common.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PagesTest {

  @Test
  void aTokenLeadsToTheNextPageOfTheSameQuery() {
    Violations v = new Violations();
    Pages.Page first = Pages.page(2, "", "q", v);
    String token = first.nextToken(2, 5);
    Pages.Page second = Pages.page(2, token, "q", v);
    assertTrue(v.isEmpty());
    assertEquals(2, second.offset());
    assertEquals("", second.nextToken(2, 4), "no token after the last page");
  }

  @Test
  void sizesDefaultAndAreCapped() {
    Violations v = new Violations();
    assertEquals(Pages.DEFAULT_SIZE, Pages.page(0, "", "q", v).size());
    assertEquals(Pages.MAX_SIZE, Pages.page(100_000, "", "q", v).size());
    assertTrue(v.isEmpty());
  }

  @Test
  void badSizesAndTokensAreViolations() {
    Violations v = new Violations();
    Pages.page(-1, "", "q", v);
    Pages.page(10, "garbage!!", "q", v);
    Pages.page(10, Pages.page(1, "", "other", new Violations()).nextToken(1), "q", v);
    assertEquals(3, v.list().size());
    assertEquals("page_size", v.list().get(0).getField());
    assertEquals("page_token", v.list().get(1).getField());
    assertEquals("page_token", v.list().get(2).getField());
  }

  @Test
  void aKeyedTokenCarriesTheLastKeyReturnedAndIsBoundToItsQuery() {
    Violations v = new Violations();
    Pages.Keyed first = Pages.keyed(2, "", "q", v);
    assertEquals(0, first.after());
    Pages.Slice<Long> page = first.slice(java.util.List.of(9_000_000_000L, 8_000_000_000L), k -> k);
    Pages.Keyed second = Pages.keyed(2, page.nextPageToken(), "q", v);
    assertTrue(v.isEmpty());
    assertEquals(8_000_000_000L, second.after(), "keys beyond an int");
    assertEquals("", second.slice(java.util.List.of(7L), k -> k).nextPageToken(), "no token after a short page");
    Pages.keyed(2, page.nextPageToken(), "other", v);
    Pages.page(2, page.nextPageToken(), "q", v);
    assertEquals(java.util.List.of("page_token", "page_token"), v.list().stream().map(f -> f.getField()).toList(),
        "another query's token, and a key too large for an offset");
  }
}
