package org.laasuite.tools;

import com.google.type.Date;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laasuite.indicators.v1.CreatePeriodRequest;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.indicators.v1.Period;
import org.laasuite.indicators.v1.PeriodType;

/**
 * quarters HOST:PORT FIRST LAST: makes the quarters of the financial years FIRST to LAST ("2006-07" "2008-09") as
 * periods (fy-2007-08-q2: July to September 2007), those already there left as they are: the periods partners
 * enter their quarterly figures for. Quarters are the calendar's, not figures: nothing is invented.
 */
final class Quarters {

  private static final Pattern YEAR = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final String[] MONTHS = {"Apr-Jun", "Jul-Sep", "Oct-Dec", "Jan-Mar"};

  private Quarters() {
  }

  static int make(List<String> args) throws Exception {
    Matcher first = args.size() == 3 ? YEAR.matcher(args.get(1)) : null;
    Matcher last = args.size() == 3 ? YEAR.matcher(args.get(2)) : null;
    if (first == null || !first.matches() || !last.matches()) {
      System.err.println("usage: quarters HOST:PORT FIRST-YEAR LAST-YEAR (financial years, e.g. 2006-07 2008-09)");
      return 2;
    }
    int from = Integer.parseInt(first.group(1));
    int to = Integer.parseInt(last.group(1));
    return Calls.with(args.get(0), channel -> {
      var client = IndicatorServiceGrpc.newBlockingStub(channel);
      int made = 0;
      int there = 0;
      for (int y = from; y <= to; y++) {
        for (int q = 1; q <= 4; q++) {
          int startMonth = 4 + 3 * (q - 1);
          int year = startMonth > 12 ? y + 1 : y;
          int month = (startMonth - 1) % 12 + 1;
          java.time.LocalDate start = java.time.LocalDate.of(year, month, 1);
          java.time.LocalDate end = start.plusMonths(3).minusDays(1);
          String fy = y + "-" + String.format("%02d", (y + 1) % 100);
          try {
            client.withDeadlineAfter(30, TimeUnit.SECONDS).createPeriod(CreatePeriodRequest.newBuilder()
                .setPeriod(Period.newBuilder().setId("fy-" + fy + "-q" + q).setType(PeriodType.PERIOD_TYPE_QUARTER)
                    .setStartDate(date(start)).setEndDate(date(end))
                    .setLabel(MONTHS[q - 1] + " " + String.format("%02d", year % 100) + " (Q" + q + " " + fy + ")"))
                .build());
            made++;
          } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
              throw e;
            }
            there++;
          }
        }
      }
      System.out.println("quarters " + args.get(1) + " to " + args.get(2) + ": " + made + " made, " + there
          + " already there");
      return 0;
    });
  }

  private static Date date(java.time.LocalDate d) {
    return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
  }
}
