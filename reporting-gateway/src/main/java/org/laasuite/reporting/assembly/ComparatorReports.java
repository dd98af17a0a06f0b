package org.laasuite.reporting.assembly;

import com.google.protobuf.FieldMask;
import jakarta.inject.Singleton;
import java.util.List;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.indicators.v1.ListIndicatorReportsRequest;
import org.laasuite.indicators.v1.ListIndicatorReportsResponse;
import org.laasuite.reporting.upstream.Answers;
import org.laasuite.reporting.upstream.Paging;
import org.laasuite.reporting.upstream.Upstreams;

/**
 * Against comparators (docs/comparators.md): the reports of every indicator with comparator figures, as the indicators
 * service positions their local figures (ListIndicatorReports, only what the page shows), in catalogue order.
 */
@Singleton
public class ComparatorReports {

  /** What the page reads of each report: the indicator, its judgement, its positions, the periods naming them. */
  static final FieldMask READ = FieldMask.newBuilder().addPaths("indicator").addPaths("computed_judgement")
      .addPaths("comparators").addPaths("periods").build();

  private final Upstreams upstreams;

  public ComparatorReports(Upstreams upstreams) {
    this.upstreams = upstreams;
  }

  /** The reports with comparator positions; the indicators service's refusal passed on (UNAVAILABLE when down). */
  public ListIndicatorReportsResponse read() {
    upstreams.reconnect();
    var request = ListIndicatorReportsRequest.newBuilder().setPageSize(Paging.PAGE).setReadMask(READ);
    return of(Answers.orPassOn(Paging.all(token -> upstreams.indicators().listIndicatorReports(request
        .setPageToken(token).build()), ListIndicatorReportsResponse::getReportsList,
        ListIndicatorReportsResponse::getNextPageToken), upstreams.deadline(), Upstreams.INDICATORS));
  }

  /** Those of {@code reports} with comparator positions, in their order, counted in total_size. */
  public static ListIndicatorReportsResponse of(List<IndicatorReport> reports) {
    List<IndicatorReport> with = reports.stream().filter(r -> r.getComparatorsCount() > 0).toList();
    return ListIndicatorReportsResponse.newBuilder().addAllReports(with).setTotalSize(with.size()).build();
  }

  /** How many indicators of {@code answer} are flagged green but in the bottom quartile of a group. */
  public static long flagged(ListIndicatorReportsResponse answer) {
    return answer.getReportsList().stream().filter(r -> r.getComparatorsList().stream()
        .anyMatch(c -> c.getGreenButBottomQuartile())).count();
  }

  /** How many positions of {@code answer} have a quartile. */
  public static long quartiles(ListIndicatorReportsResponse answer) {
    return answer.getReportsList().stream().flatMap(r -> r.getComparatorsList().stream())
        .filter(c -> c.getQuartile() > 0).count();
  }
}
