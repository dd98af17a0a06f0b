package org.laasuite.reporting.assembly;

import com.google.protobuf.FieldMask;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.indicators.v1.ListIndicatorReportsRequest;
import org.laasuite.partnership.v1.Body;
import org.laasuite.partnership.v1.BodyType;
import org.laasuite.reporting.upstream.Answers;
import org.laasuite.reporting.upstream.Paging;
import org.laasuite.reporting.upstream.Upstreams;

/**
 * The indicators a body oversees: those it reports as their theme group and those of the blocks it leads; a board, an
 * operations, performance or leaders' group, a public service board or the secretariat that leads no block of its
 * own oversees the whole agreement. What a meeting's draft agenda lists, and what a commitment supporting a body
 * supports.
 */
@Singleton
public class Oversight {

  private static final Set<BodyType> OVERSEE_ALL = EnumSet.of(BodyType.BODY_TYPE_PARTNERSHIP_BOARD,
      BodyType.BODY_TYPE_OPERATIONS_GROUP, BodyType.BODY_TYPE_PIE_GROUP,
      BodyType.BODY_TYPE_LEADERS_AND_ADVISORS_GROUP, BodyType.BODY_TYPE_PUBLIC_SERVICE_BOARD,
      BodyType.BODY_TYPE_SECRETARIAT);

  private final Upstreams upstreams;

  public Oversight(Upstreams upstreams) {
    this.upstreams = upstreams;
  }

  /** Whether the body oversees the whole agreement. */
  public static boolean overseesAll(Body body) {
    return body.getBlocksCount() == 0 && OVERSEE_ALL.contains(body.getType());
  }

  /** Whether {@code body} oversees {@code indicator}. */
  public static boolean oversees(Body body, org.laasuite.indicators.v1.Indicator indicator) {
    return overseesAll(body) || indicator.getThemeGroup().equals(body.getName())
        || body.getBlocksList().contains(indicator.getBlock());
  }

  /** The reports, with the fields {@code mask} names, of the indicators {@code body} oversees; by indicator. */
  public List<IndicatorReport> reports(Body body, FieldMask mask) {
    List<ListIndicatorReportsRequest> asks = new ArrayList<>();
    if (overseesAll(body)) {
      asks.add(ListIndicatorReportsRequest.getDefaultInstance());
    } else {
      asks.add(ListIndicatorReportsRequest.newBuilder().setThemeGroup(body.getName()).build());
      body.getBlocksList().forEach(b -> asks.add(ListIndicatorReportsRequest.newBuilder().setBlock(b).build()));
    }
    var calls = asks.stream().map(ask -> Paging.all(t -> upstreams.indicators().listIndicatorReports(ask.toBuilder()
        .setReadMask(mask).setPageSize(Paging.PAGE).setPageToken(t).build()), r -> r.getReportsList(),
        r -> r.getNextPageToken())).toList();
    Map<String, IndicatorReport> out = new LinkedHashMap<>();
    for (var call : calls) {
      Answers.orPassOn(call, upstreams.deadline().multipliedBy(4), Upstreams.INDICATORS)
          .forEach(r -> out.putIfAbsent(r.getIndicator().getName(), r));
    }
    return new ArrayList<>(out.values());
  }
}
