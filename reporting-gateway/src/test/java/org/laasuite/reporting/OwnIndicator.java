package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.type.Date;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.LocalDate;
import java.util.List;
import org.laasuite.common.FinancialYear;
import org.laasuite.indicators.v1.CreateIndicatorRequest;
import org.laasuite.indicators.v1.CreatePeriodRequest;
import org.laasuite.indicators.v1.CreateTargetRequest;
import org.laasuite.indicators.v1.DeleteIndicatorRequest;
import org.laasuite.indicators.v1.Figure;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.indicators.v1.Period;
import org.laasuite.indicators.v1.PeriodType;
import org.laasuite.indicators.v1.Polarity;
import org.laasuite.indicators.v1.Target;
import org.laasuite.testkit.TestIssuer;
import org.laasuite.type.v1.LaaBlock;

/**
 * An indicator of a test's own, so that what the test enters, approves and publishes disturbs no other test sharing
 * the running services: led by the Community Safety Partnership (David Smithson, a member, enters its figures; Mark
 * Taylor, its chair, approves them; Nigel Hart, of the secretariat, publishes them), higher is better, with a target
 * of 85 for the city, the priority neighbourhoods and the rest of the city in each of the test's own quarters.
 * Created as the admin; archived when closed, as an indicator with figures is.
 */
final class OwnIndicator implements AutoCloseable {

  static final String THEME_GROUP = "bodies/community-safety-partnership";
  static final List<String> AREAS = List.of("areas/city", "areas/priority-neighbourhoods", "areas/rest-of-city");

  final String code;
  final String name;
  private final ManagedChannel channel;

  /** {@code units} as printed ("%", "Number of offenders"); {@code quarters} as "2011-12-q1". */
  OwnIndicator(String code, String title, String units, String... quarters) {
    this.code = code;
    this.name = "indicators/" + code;
    this.channel = RunningSuite.get().indicators.channel();
    admin().createIndicator(CreateIndicatorRequest.newBuilder().setIndicator(Indicator.newBuilder().setId(code)
        .setTitle(title).setUnits(units).setBlock(LaaBlock.LAA_BLOCK_SAFER_AND_STRONGER_COMMUNITIES)
        .setPolarity(Polarity.POLARITY_HIGHER_IS_BETTER).setThemeGroup(THEME_GROUP)).build());
    for (String quarter : quarters) {
      String period = quarter(quarter);
      for (String area : AREAS) {
        admin().createTarget(CreateTargetRequest.newBuilder().setParent(name).setTarget(Target.newBuilder()
            .setPeriod(period).setArea(area).setFigure(Figure.newBuilder().setOriginalText("85"))).build());
      }
    }
  }

  /** The period "periods/fy-2011-12-q1" of {@code quarter} "2011-12-q1", made when no test has made it yet. */
  private String quarter(String quarter) {
    FinancialYear year = new FinancialYear(Integer.parseInt(quarter.substring(0, 4)));
    int q = Integer.parseInt(quarter.substring(quarter.length() - 1));
    String id = "fy-" + quarter;
    try {
      admin().createPeriod(CreatePeriodRequest.newBuilder().setPeriod(Period.newBuilder().setId(id)
          .setType(PeriodType.PERIOD_TYPE_QUARTER).setLabel("Q" + q + " " + year)
          .setStartDate(date(year.quarterStart(q))).setEndDate(date(year.quarterEnd(q)))).build());
    } catch (StatusRuntimeException e) {
      assertEquals(Status.Code.ALREADY_EXISTS, e.getStatus().getCode(), "another test made the quarter");
    }
    return "periods/" + id;
  }

  private static Date date(LocalDate d) {
    return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
  }

  IndicatorServiceGrpc.IndicatorServiceBlockingStub as(String subject) {
    return IndicatorServiceGrpc.newBlockingStub(channel).withCallCredentials(TestIssuer.as(subject));
  }

  private IndicatorServiceGrpc.IndicatorServiceBlockingStub admin() {
    return as(TestIssuer.ADMIN);
  }

  /** Its return's page for {@code quarter} ("2011-12-q1"). */
  String entryPage(String quarter) {
    return "/" + name + "/entries/fy-" + quarter;
  }

  @Override
  public void close() {
    admin().deleteIndicator(DeleteIndicatorRequest.newBuilder().setName(name).setForce(true).build());
    channel.shutdownNow();
  }
}
