package org.laasuite.reporting.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.laasuite.common.grpc.Protos;
import org.laasuite.funding.v1.Commitment;
import org.laasuite.indicators.v1.ComputedJudgement;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.indicators.v1.Rating;
import org.laasuite.indicators.v1.RecordedJudgement;
import org.laasuite.partnership.v1.Action;
import org.laasuite.partnership.v1.AgendaItem;
import org.laasuite.partnership.v1.Meeting;
import org.laasuite.reporting.v1.DueFigure;
import org.laasuite.reporting.v1.DueState;
import org.laasuite.reporting.v1.IndicatorWork;

/** The agenda drafted from the data: what each item lists, and what is left out when there is nothing under it. */
class AgendaDraftTest {

  private static final LocalDate DAY = LocalDate.of(2007, 10, 24);

  private static List<String> titles(List<AgendaItem> items) {
    return items.stream().map(i -> i.getNumber() + ". " + i.getTitle()).toList();
  }

  private static String under(List<AgendaItem> items, String title) {
    return items.stream().filter(i -> i.getTitle().equals(title)).findFirst().orElseThrow().getDescription();
  }

  private static IndicatorReport report(String code, Rating computed, String explanation, Rating recorded,
      String reason) {
    var r = IndicatorReport.newBuilder().setIndicator(Indicator.newBuilder().setName("indicators/" + code).setId(code)
        .setTitle("Title of " + code)).setComputedJudgement(ComputedJudgement.newBuilder().setRating(computed)
        .setExplanation(explanation));
    if (recorded != Rating.RATING_UNSPECIFIED) {
      r.setRecordedJudgement(RecordedJudgement.newBuilder().setRating(recorded).setReason(reason));
    }
    return r.build();
  }

  private static Commitment ending(String title, LocalDate end, int posts) {
    return Commitment.newBuilder().setTitle(title).setProgramme("NRF").setEndDate(Protos.date(end)).setPosts(posts)
        .build();
  }

  @Test
  void aFirstMeetingWithNothingInTheDataHasOnlyTheStandingItems() {
    var items = AgendaDraft.of(new AgendaDraft.Sources(DAY, null, List.of(), Map.of(), List.of(), List.of(),
        List.of()), n -> n);
    assertEquals(List.of("1. Apologies for absence", "2. Any other business", "3. Date of the next meeting"),
        titles(items));
    assertEquals("", items.get(0).getDescription());
  }

  @Test
  void eachDataItemListsWhatItWasDraftedFrom() {
    Meeting last = Meeting.newBuilder().setName("meetings/g-2007-08-22").setDate(Protos.date(LocalDate.of(2007, 8,
        22))).build();
    Action dated = Action.newBuilder().setMeeting(last.getName()).setText("Circulate the report ")
        .setOwner("people/nigel-hart").setDueDate(Protos.date(LocalDate.of(2007, 9, 30))).build();
    Action worded = Action.newBuilder().setMeeting("meetings/unknown").setText("Write to the chairs").setDueText(
        "during September 2007").build();
    List<IndicatorReport> reports = List.of(
        report("B-2", Rating.RATING_AMBER, "within 10% of its target", Rating.RATING_UNSPECIFIED, ""),
        report("A-1", Rating.RATING_GREEN, "", Rating.RATING_GREEN, "on track"),
        report("C-3", Rating.RATING_RED, "", Rating.RATING_TOO_EARLY_TO_ASSESS, "new data source"),
        report("A-9", Rating.RATING_RED, "below target", Rating.RATING_UNSPECIFIED, ""));
    IndicatorWork owed = IndicatorWork.newBuilder().setCode("B-2").setTitle("Title of B-2")
        .addFigures(DueFigure.newBuilder().setPeriodLabel("Apr-Jun 07").setState(DueState.DUE_STATE_OVERDUE)
            .setDueDate(Protos.date(LocalDate.of(2007, 8, 15))))
        .addFigures(DueFigure.newBuilder().setPeriodLabel("Jul-Sep 07").setState(DueState.DUE_STATE_DUE)
            .setDueDate(Protos.date(LocalDate.of(2007, 11, 15)))).build();
    List<Commitment> funding = List.of(
        ending("Neighbourhood wardens", LocalDate.of(2008, 3, 31), 4),
        ending("Ended already", LocalDate.of(2007, 10, 23), 1),
        ending("Community chest", DAY, 0),
        ending("Six months on", DAY.plusMonths(6), 1));

    var items = AgendaDraft.of(new AgendaDraft.Sources(DAY, last, List.of(dated, worded), Map.of(last.getName(),
        LocalDate.of(2007, 8, 22)), reports, List.of(owed), funding), n -> n.equals("people/nigel-hart")
        ? "Nigel Hart" : n);

    assertEquals(List.of("1. Apologies for absence", "2. Minutes of the last meeting", "3. Matters arising",
        "4. Performance: reds and ambers", "5. Figures overdue", "6. Judgements that differ from the rule",
        "7. Funding ending within six months", "8. Any other business", "9. Date of the next meeting"),
        titles(items));
    assertEquals("To agree the minutes of the meeting of 22 August 2007 as a true and accurate record.",
        under(items, "Minutes of the last meeting"));
    assertEquals("Circulate the report — Nigel Hart (agreed 22 August 2007; due 30 September 2007)\n"
        + "Write to the chairs — no owner named (due during September 2007)", under(items, "Matters arising"));
    assertEquals("A-9 Title of A-9: Red — below target\nC-3 Title of C-3: Red\n"
        + "B-2 Title of B-2: Amber — within 10% of its target", under(items, "Performance: reds and ambers"));
    assertEquals("B-2 Title of B-2: the figure for Apr-Jun 07 was due on 15 August 2007",
        under(items, "Figures overdue"));
    assertEquals("C-3 Title of C-3: recorded Too early to assess (new data source); the rule computes Red",
        under(items, "Judgements that differ from the rule"));
    assertEquals("Community chest (NRF): funding ends on 24 October 2007\n"
        + "Neighbourhood wardens (NRF): funding ends on 31 March 2008, 4 posts",
        under(items, "Funding ending within six months"));
  }
}
