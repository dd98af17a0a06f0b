package org.laasuite.reporting.cache;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Every request that may write (anything but GET, HEAD and OPTIONS), once answered, moves the change watch on: the
 * pages kept are forgotten before the writer reads the next one, without waiting for the service to tell of it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class WritesMoveOn {

  private final ChangeWatch changes;

  WritesMoveOn(ChangeWatch changes) {
    this.changes = changes;
  }

  @ResponseFilter
  void afterWrite(HttpRequest<?> request) {
    HttpMethod m = request.getMethod();
    if (m != HttpMethod.GET && m != HttpMethod.HEAD && m != HttpMethod.OPTIONS) {
      changes.moveOn();
    }
  }
}
