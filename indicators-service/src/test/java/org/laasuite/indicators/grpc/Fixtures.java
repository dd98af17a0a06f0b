package org.laasuite.indicators.grpc;

import com.google.type.Date;
import org.laasuite.indicators.v1.Area;
import org.laasuite.indicators.v1.AreaType;
import org.laasuite.indicators.v1.CreateAreaRequest;
import org.laasuite.indicators.v1.CreatePeriodRequest;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.indicators.v1.Period;
import org.laasuite.indicators.v1.PeriodType;

/** What several endpoint tests start from, made through the API as a client would. */
final class Fixtures {

  private Fixtures() {
  }

  static Date date(int y, int m, int d) {
    return Date.newBuilder().setYear(y).setMonth(m).setDay(d).build();
  }

  /** The area "city" and the period "fy-2006-07". */
  static void cityAnd2006To07(IndicatorServiceGrpc.IndicatorServiceBlockingStub client) {
    client.createArea(CreateAreaRequest.newBuilder().setArea(Area.newBuilder().setId("city")
        .setTitle("Coventry").setType(AreaType.AREA_TYPE_CITY)).build());
    client.createPeriod(CreatePeriodRequest.newBuilder().setPeriod(Period.newBuilder().setId("fy-2006-07")
        .setType(PeriodType.PERIOD_TYPE_FINANCIAL_YEAR).setStartDate(date(2006, 4, 1)).setEndDate(date(2007, 3, 31))
        .setLabel("2006-07")).build());
  }
}
