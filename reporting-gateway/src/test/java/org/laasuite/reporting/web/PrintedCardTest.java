package org.laasuite.reporting.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.type.Date;
import com.google.type.Decimal;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.laasuite.indicators.v1.ComputedJudgement;
import org.laasuite.indicators.v1.Figure;
import org.laasuite.indicators.v1.FigureStatus;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.indicators.v1.Narrative;
import org.laasuite.indicators.v1.Outturn;
import org.laasuite.indicators.v1.Period;
import org.laasuite.indicators.v1.Rating;
import org.laasuite.indicators.v1.RecordedJudgement;
import org.laasuite.indicators.v1.Target;
import org.laasuite.partnership.v1.Action;
import org.laasuite.partnership.v1.Decision;
import org.laasuite.reporting.render.Pages;
import org.laasuite.reporting.v1.ReportCard;
import org.laasuite.reporting.v1.ThemeGroup;

/**
 * A card holding far more than any of the demo's, rendered as the gateway renders it: the PDF still
 * keeps to two sides, and says what it left for the page online, which shows everything.
 */
class PrintedCardTest {

  private static final String WORDS = "Partners agreed a joint plan with schools, Connexions and the youth service. ";

  private static ReportCard overfull() {
    var r = IndicatorReport.newBuilder().setIndicator(Indicator.newBuilder().setName("indicators/T-BIG")
        .setId("T-BIG").setUnits("%").setTitle(WORDS.repeat(12)).setOutcome(WORDS.repeat(40)))
        .setComputedJudgement(ComputedJudgement.newBuilder().setRating(Rating.RATING_RED).setExplanation(WORDS.repeat(10)))
        .setRecordedJudgement(RecordedJudgement.newBuilder().setRating(Rating.RATING_AMBER).setReason(WORDS.repeat(60)))
        .setNarrative(Narrative.newBuilder().setPeriod("periods/fy-2010-11").setAchieved(WORDS.repeat(250))
            .setNextSteps(WORDS.repeat(250)).setAuthor("Children's Partnership"));
    for (int y = 2000; y < 2012; y++) {
      String code = "fy-" + y + "-" + String.format("%02d", (y + 1) % 100);
      r.addPeriods(Period.newBuilder().setName("periods/" + code).setId(code).setLabel(code.substring(3))
          .setStartDate(Date.newBuilder().setYear(y).setMonth(4).setDay(1))
          .setEndDate(Date.newBuilder().setYear(y + 1).setMonth(3).setDay(31)));
      for (String area : new String[] {"city", "priority-neighbourhoods", "rest-of-city"}) {
        Figure f = Figure.newBuilder().setValue(Decimal.newBuilder().setValue(String.valueOf(10 + y % 7)))
            .setStatus(FigureStatus.FIGURE_STATUS_VALUE).build();
        r.addTargets(Target.newBuilder().setPeriod("periods/" + code).setArea("areas/" + area).setFigure(f));
        r.addOutturns(Outturn.newBuilder().setPeriod("periods/" + code).setArea("areas/" + area).setFigure(f));
      }
    }
    var group = ThemeGroup.newBuilder().setName("bodies/cyp").setTitle("Children & Young People's Partnership");
    var card = ReportCard.newBuilder().setName("reportCards/T-BIG").setIndicator("indicators/T-BIG")
        .setFinancialYear("2010-11").setPerformance(r);
    for (int i = 0; i < 40; i++) {
      Action a = Action.newBuilder().setName("actions/" + i).setText(WORDS.repeat(4)).setOwner("people/sara-roach")
          .setDueText("by the next meeting").addIndicators("indicators/T-BIG").build();
      card.addOpenActions(a);
      group.addOpenActions(a.toBuilder().setName("actions/" + (100 + i)).clearIndicators());
    }
    for (int i = 0; i < 20; i++) {
      card.addDecisions(Decision.newBuilder().setName("decisions/" + i).setMeeting("meetings/cyp-" + i)
          .setMeetingDate(Date.newBuilder().setYear(2001 + i).setMonth(6).setDay(12)).setBody("bodies/cyp")
          .setItem(3).setText(WORDS.repeat(4)).addIndicators("indicators/T-BIG"));
    }
    return card.setThemeGroup(group).build();
  }

  @Test
  void anOverfullCardStillPrintsOnTwoSidesAndSaysWhatIsOnline() throws Exception {
    Pages pages = new Pages();
    ReportCard card = overfull();
    try (PDDocument doc = Loader.loadPDF(pages.pdf("card", Views.cardPage(card, true)))) {
      assertTrue(doc.getNumberOfPages() <= 2, doc.getNumberOfPages() + " pages");
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertTrue(text.contains("24 earlier rows are on the card online."), text);
      assertTrue(text.contains("35 more on the card online."), "own actions: 5 of 40 printed");
      assertTrue(text.contains("37 more on the card online."), "theme group's: 3 of 40 printed");
      assertTrue(text.contains("2011-12"), "the latest figures are the ones kept");
      assertTrue(text.contains("17 more on the card online."), "decisions: 3 of 20 printed");
      assertTrue(text.contains("2020-06-12, Cyp, item 3") && !text.contains("2016-06-12"),
          "the latest decisions are the ones kept");
    }
    String html = pages.html("card", Views.cardPage(card, false), false);
    assertEquals(40, html.split("data-test=\"action\"", -1).length - 1, "the page online shows every action");
    assertEquals(20, html.split("data-test=\"decision\"", -1).length - 1, "and every decision");
    assertTrue(!html.contains("on the card online"), "and everything else");
  }
}
