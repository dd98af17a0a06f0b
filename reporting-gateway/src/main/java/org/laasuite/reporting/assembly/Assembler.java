package org.laasuite.reporting.assembly;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laasuite.common.FinancialYear;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.funding.v1.BatchGetIndicatorFundingRequest;
import org.laasuite.funding.v1.BatchGetIndicatorFundingResponse;
import org.laasuite.funding.v1.BlockTotals;
import org.laasuite.funding.v1.FundingSummary;
import org.laasuite.funding.v1.GetFundingSummaryRequest;
import org.laasuite.funding.v1.GetSpendReportRequest;
import org.laasuite.funding.v1.IndicatorFunding;
import org.laasuite.funding.v1.SpendLine;
import org.laasuite.funding.v1.SpendReport;
import org.laasuite.indicators.v1.BatchGetIndicatorReportsRequest;
import org.laasuite.indicators.v1.BatchGetIndicatorReportsResponse;
import org.laasuite.indicators.v1.FigureView;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.indicators.v1.ListIndicatorReportsRequest;
import org.laasuite.indicators.v1.ListIndicatorReportsResponse;
import org.laasuite.partnership.v1.Action;
import org.laasuite.partnership.v1.BatchGetResponsibilitiesRequest;
import org.laasuite.partnership.v1.BatchGetResponsibilitiesResponse;
import org.laasuite.partnership.v1.Decision;
import org.laasuite.partnership.v1.ListDecisionsRequest;
import org.laasuite.partnership.v1.ListDecisionsResponse;
import org.laasuite.partnership.v1.Responsibility;
import org.laasuite.reporting.assembly.Fetch.FetchFailed;
import org.laasuite.reporting.cache.PageCache;
import org.laasuite.reporting.upstream.Answers;
import org.laasuite.reporting.upstream.Paging;
import org.laasuite.reporting.upstream.Upstreams;
import org.laasuite.reporting.v1.ActionCurve;
import org.laasuite.reporting.v1.BlockSummary;
import org.laasuite.reporting.v1.IndicatorLine;
import org.laasuite.reporting.v1.JudgementCounts;
import org.laasuite.reporting.v1.ListJudgementDisagreementsResponse;
import org.laasuite.reporting.v1.MoneyBehindTheRed;
import org.laasuite.reporting.v1.PerformanceReport;
import org.laasuite.reporting.v1.ReportCard;
import org.laasuite.reporting.v1.ReportKind;
import org.laasuite.reporting.v1.Section;
import org.laasuite.reporting.v1.ThemeGroup;
import org.laasuite.reporting.v1.TrendCounts;
import org.laasuite.reporting.v1.UnavailableSection;
import org.laasuite.reporting.work.Workloads;
import org.laasuite.type.v1.LaaBlock;

/**
 * Builds the one model every format serves. A page makes at most one batched call to each service for each
 * of its sections, all started before any is awaited, each with the configured deadline; a service that fails or is
 * late leaves its section unavailable and the rest of the page is still assembled. (A report card
 * asks the partnership service for its theme group second, because only the indicator knows it; the
 * decisions about the indicator it asks for at once.)
 */
@Singleton
public class Assembler {

  /** What a summary's lines show of each report (see {@link #line}): no figures. */
  private static final FieldMask LINES = FieldMask.newBuilder().addPaths("indicator").addPaths("computed_judgement")
      .addPaths("recorded_judgement").addPaths("trend").addPaths("gap").build();

  private final Upstreams upstreams;
  private final PageCache cache;
  private final Workloads workloads;
  private final Curves curves;
  private final String defaultYear;
  private final Clock clock;

  public Assembler(Upstreams upstreams, @Value("${laa.reporting.financial-year:}") String defaultYear,
      Workloads workloads, PageCache cache, Curves curves) {
    this.upstreams = upstreams;
    this.curves = curves;
    this.cache = cache;
    this.workloads = workloads;
    this.defaultYear = defaultYear;
    this.clock = Clock.systemDefaultZone();
  }

  /** The financial year asked for ({@code field} names the parameter in errors), else the configured one. */
  public String year(String asked, String field) {
    Violations v = new Violations();
    if (asked == null || asked.isEmpty()) {
      if (!defaultYear.isEmpty()) {
        return defaultYear;
      }
      LocalDate today = LocalDate.now(clock);
      return new FinancialYear(today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1).toString();
    }
    FinancialYear y = FinancialYear.parse(asked.length() > 100 ? asked.substring(0, 100) + "..." : asked, field, v);
    v.throwIfAny();
    return y.toString();
  }

  /**
   * The financial year or quarter asked for ({@code field} names the parameter in errors: see {@link ReportPeriod}),
   * else the configured year.
   */
  public ReportPeriod period(String asked, String field) {
    if (asked == null || asked.isEmpty()) {
      return ReportPeriod.of(FinancialYear.parse(year(asked, field), field, new Violations()));
    }
    return ReportPeriod.parse(asked.length() > 100 ? asked.substring(0, 100) + "..." : asked, field);
  }

  /** The indicator a card is for, from "CYP-28", "indicators/CYP-28" or "reportCards/CYP-28". */
  public static String indicatorName(String asked, String field) {
    String code = asked.replaceFirst("^(indicators|reportCards)/", "");
    if (!ResourceNames.INDICATORS.isId(code)) {
      throw ApiException.invalid(field, "must be an indicator code of letters, digits and dashes like 'CYP-28'");
    }
    return ResourceNames.INDICATORS.name(code);
  }

  public ReportCard card(String indicator, String year) {
    return card(indicator, year, null);
  }

  /**
   * The card as the person whose token this is may see it, with the figures pending publication (view LATEST), or,
   * without a token, as the public sees it. A person who may not see them is refused (PERMISSION_DENIED).
   */
  public ReportCard card(String indicator, String year, String token) {
    if (token == null) {
      return cache.model("card " + indicator + " " + year, upstreams.readsAsItself(),
          () -> assembleCard(indicator, year, null));
    }
    return assembleCard(indicator, year, token);
  }

  private ReportCard assembleCard(String indicator, String year, String token) {
    upstreams.reconnect();
    var read = BatchGetIndicatorReportsRequest.newBuilder().addNames(indicator);
    if (token != null) {
      read.setView(FigureView.FIGURE_VIEW_LATEST);
    }
    Fetch<BatchGetIndicatorReportsResponse> performance = fetch(Section.SECTION_PERFORMANCE, Upstreams.INDICATORS,
        (token == null ? upstreams.indicators() : upstreams.indicatorsAs(token)).batchGetIndicatorReports(
            read.build()));
    Fetch<BatchGetIndicatorFundingResponse> funding = fetch(Section.SECTION_FUNDING, Upstreams.FUNDING,
        upstreams.funding().batchGetIndicatorFunding(BatchGetIndicatorFundingRequest.newBuilder()
            .addIndicators(indicator).setFinancialYear(year).build()));
    Fetch<List<Decision>> decisions = decisions(ListDecisionsRequest.newBuilder().setIndicator(indicator));
    Fetch<SpendReport> spend = spendReport(year);
    List<UnavailableSection> unavailable = new ArrayList<>();
    var card = ReportCard.newBuilder().setName("reportCards/" + indicator.substring("indicators/".length()))
        .setIndicator(indicator).setFinancialYear(year);
    IndicatorReport report = null;
    try {
      report = performance.await().getReports(0);
      card.setPerformance(report);
    } catch (FetchFailed e) {
      if (e.status.getCode() == Status.Code.NOT_FOUND) {
        throw ApiException.notFound("INDICATOR", indicator);
      }
      if (token != null && (e.status.getCode() == Status.Code.PERMISSION_DENIED
          || e.status.getCode() == Status.Code.UNAUTHENTICATED)) {
        throw Answers.passedOn(e.status.asException(), Upstreams.INDICATORS);
      }
      unavailable.add(e.unavailable);
    }
    funding.result(unavailable).ifPresent(f -> f.getIndicatorsList().forEach(i -> card.addAllFunding(
        i.getCommitmentsList())));
    if (report == null) {
      unavailable.add(UnavailableSection.newBuilder().setSection(Section.SECTION_GOVERNANCE)
          .setService(Upstreams.PARTNERSHIP).setCode("FAILED_PRECONDITION")
          .setReason("the theme group comes from the indicator, which " + Upstreams.INDICATORS + " did not give")
          .build());
    } else {
      String group = report.getIndicator().getThemeGroup();
      var request = BatchGetResponsibilitiesRequest.newBuilder().addIndicators(indicator);
      if (!group.isEmpty()) {
        request.addBodies(group);
      }
      fetch(Section.SECTION_GOVERNANCE, Upstreams.PARTNERSHIP, upstreams.partnership().batchGetResponsibilities(
          request.build())).result(unavailable).ifPresent(r -> {
            if (!group.isEmpty()) {
              card.setThemeGroup(themeGroup(r.getResponsibilities(0)));
            }
            card.addAllOpenActions(r.getIndicatorActionsList());
          });
    }
    decisions.result(unavailable).ifPresent(card::addAllDecisions);
    Optional<SpendReport> streams = spend.result(unavailable);
    if (report != null) {
      LaaBlock block = report.getIndicator().getBlock();
      streams.ifPresent(s -> card.addAllBlockStreams(MoneyBehind.streams(block, s.getLinesList()).getStreamsList()));
    }
    MoneyBehind.lastDiscussed(indicator, card.getDecisionsList(), card.getOpenActionsList())
        .ifPresent(card::setLastDiscussed);
    // Did each open action turn this indicator's curve? Asked once the actions, and so their meetings' days, are known.
    var curved = curves.of(card.getOpenActionsList().stream().map(a -> a.toBuilder().clearIndicators()
        .addIndicators(indicator).build()).toList());
    card.getOpenActionsList().forEach(a -> curved.getOrDefault(a.getName(), List.of()).forEach(c -> card.addCurves(
        ActionCurve.newBuilder().setAction(a.getName()).setAround(c.around()).setWords(c.words()))));
    return card.addAllUnavailable(once(unavailable)).setAssembleTime(Protos.timestamp(clock.instant())).build();
  }

  public BlockSummary block(LaaBlock block, String year) {
    return cache.model("block " + block + " " + year, upstreams.readsAsItself(), () -> assembleBlock(block, year));
  }

  private BlockSummary assembleBlock(LaaBlock block, String year) {
    upstreams.reconnect();
    var performance = fetch(Section.SECTION_PERFORMANCE, Upstreams.INDICATORS, reports(block, LINES));
    var funding = fundingSummary(year);
    var governance = responsibilities(List.of(block));
    List<UnavailableSection> unavailable = new ArrayList<>();
    var reports = performance.result(unavailable);
    var summary = funding.result(unavailable);
    var responsible = governance.result(unavailable);
    return summarise(block, reports, summary, responsible, true).setFinancialYear(year)
        .addAllUnavailable(unavailable).setAssembleTime(Protos.timestamp(clock.instant())).build();
  }

  /** All four blocks: the quarterly report in full, or the review pack's reds and ambers. */
  public PerformanceReport report(ReportKind kind, String year) {
    // The review pack's due work is reckoned on the day it is asked: only the quarterly report is kept.
    return cache.model("report " + kind + " " + year, kind == ReportKind.REPORT_KIND_QUARTERLY
        && upstreams.readsAsItself(), () -> {
          upstreams.reconnect();
          // The review pack's due work reads the figures; the quarterly report's lines do not.
          return report(kind, year, fetch(Section.SECTION_PERFORMANCE, Upstreams.INDICATORS, reports(null,
              kind == ReportKind.REPORT_KIND_QUARTERLY ? LINES : FieldMask.getDefaultInstance())));
        });
  }

  /**
   * The same from the indicators' reports of an edition (GetEdition), frozen as they were published: the figures
   * and judgements as the edition shows them; funding and theme groups as they are now.
   */
  public PerformanceReport report(ReportKind kind, String year, List<IndicatorReport> frozen) {
    upstreams.reconnect();
    return report(kind, year, fetch(Section.SECTION_PERFORMANCE, Upstreams.INDICATORS,
        Futures.immediateFuture(frozen)));
  }

  private PerformanceReport report(ReportKind kind, String year, Fetch<List<IndicatorReport>> performance) {
    var funding = fundingSummary(year);
    var governance = responsibilities(Blocks.ALL);
    // The review pack's "Due and overdue" needs every period too: the reporting periods of each frequency.
    boolean pack = kind == ReportKind.REPORT_KIND_REVIEW_PACK;
    var periods = pack ? fetch(Section.SECTION_PERFORMANCE, Upstreams.INDICATORS, workloads.periods()) : null;
    var spend = pack ? spendReport(year) : null;
    var allDecisions = pack ? decisions(ListDecisionsRequest.newBuilder()) : null;
    List<UnavailableSection> unavailable = new ArrayList<>();
    var reports = performance.result(unavailable);
    var summary = funding.result(unavailable);
    var responsible = governance.result(unavailable);
    var out = PerformanceReport.newBuilder().setKind(kind).setFinancialYear(year);
    JudgementCounts.Builder total = JudgementCounts.newBuilder();
    for (LaaBlock block : Blocks.ALL) {
      var ofBlock = reports.map(all -> all.stream().filter(r -> r.getIndicator().getBlock() == block).toList());
      BlockSummary s = summarise(block, ofBlock, summary, responsible, kind != ReportKind.REPORT_KIND_REVIEW_PACK)
          .setFinancialYear(year).build();
      out.addBlocks(s);
      add(total, s.getJudgements());
    }
    if (reports.isPresent()) {
      out.setJudgements(total);
    }
    summary.ifPresent(s -> out.setPooled(s.getPooled()).setAligned(s.getAligned()));
    if (pack) {
      // A failure of the indicators service is told once, by the reports' section.
      var known = periods.result(reports.isPresent() ? unavailable : new ArrayList<>());
      var work = workloads.builder(known.orElse(null));
      out.addAllDueWork(work.dueAndOverdue(out.getBlocksList().stream().flatMap(b -> b.getThemeGroupsList().stream())
          .toList(), known.isPresent() ? reports.orElse(null) : null, responsible.isPresent()))
          .setDueAsOf(work.asOf());
      Map<String, String> titles = new LinkedHashMap<>();
      out.getBlocksList().forEach(b -> b.getThemeGroupsList().forEach(g -> titles.putIfAbsent(g.getName(),
          g.getTitle())));
      reports.ifPresent(rs -> out.addAllDisagreements(Disagreements.of(rs, titles)));
      out.setMoneyBehind(moneyBehind(year, out.getBlocksList(), spend, allDecisions, unavailable));
    }
    return out.addAllUnavailable(once(unavailable)).setAssembleTime(Protos.timestamp(clock.instant())).build();
  }

  /**
   * The judgements recorded that differ from the rule's, of every indicator or of the theme group {@code themeGroup}
   * ("bodies/{id}"; empty: all), the theme groups in the order of the blocks; a service that does not answer is
   * listed as unavailable (the partnership's: the theme groups' titles).
   */
  public ListJudgementDisagreementsResponse disagreements(String themeGroup) {
    upstreams.reconnect();
    var performance = fetch(Section.SECTION_PERFORMANCE, Upstreams.INDICATORS, reports(null, LINES));
    var governance = responsibilities(Blocks.ALL);
    List<UnavailableSection> unavailable = new ArrayList<>();
    var reports = performance.result(unavailable);
    var responsible = governance.result(unavailable);
    Map<String, String> titles = new LinkedHashMap<>();
    responsible.ifPresent(rs -> rs.getResponsibilitiesList().stream().filter(Responsibility::hasDetail)
        .forEach(r -> titles.putIfAbsent(r.getBody(), r.getDetail().getTitle())));
    List<IndicatorReport> of = reports.orElse(List.of()).stream().filter(r -> themeGroup.isEmpty()
        || r.getIndicator().getThemeGroup().equals(themeGroup)).toList();
    return ListJudgementDisagreementsResponse.newBuilder().addAllDisagreements(Disagreements.of(of, titles))
        .setJudgedBothWays((int) of.stream().filter(Disagreements::judgedBothWays).count())
        .addAllUnavailable(unavailable).build();
  }

  /**
   * The money behind the red of {@code year}: the reds and ambers of every block as the review pack lists them, with
   * the streams, commitments, spend, end dates, open actions and last meeting behind each (see {@link MoneyBehind}).
   */
  public MoneyBehindTheRed moneyBehindTheRed(String year) {
    upstreams.reconnect();
    var performance = fetch(Section.SECTION_PERFORMANCE, Upstreams.INDICATORS, reports(null, LINES));
    var governance = responsibilities(Blocks.ALL);
    var spend = spendReport(year);
    var allDecisions = decisions(ListDecisionsRequest.newBuilder());
    List<UnavailableSection> unavailable = new ArrayList<>();
    var reports = performance.result(unavailable);
    var responsible = governance.result(unavailable);
    List<BlockSummary> blocks = Blocks.ALL.stream().map(b -> summarise(b, reports.map(all -> all.stream()
        .filter(r -> r.getIndicator().getBlock() == b).toList()), Optional.empty(), responsible, false).build())
        .toList();
    var out = moneyBehind(year, blocks, spend, allDecisions, unavailable);
    return out.toBuilder().clearUnavailable().addAllUnavailable(once(unavailable)).build();
  }

  /**
   * The money behind the exceptions of {@code blocks}, asking the funding service for the commitments that name them
   * (the spend report and the decisions already asked); what does not answer is added to {@code unavailable}.
   */
  private MoneyBehindTheRed moneyBehind(String year, List<BlockSummary> blocks, Fetch<SpendReport> spend,
      Fetch<List<Decision>> allDecisions, List<UnavailableSection> unavailable) {
    List<String> named = blocks.stream().flatMap(b -> b.getExceptionsList().stream()).map(IndicatorLine::getIndicator)
        .toList();
    var funding = named.isEmpty() ? null : fetch(Section.SECTION_FUNDING, Upstreams.FUNDING, upstreams.funding()
        .batchGetIndicatorFunding(BatchGetIndicatorFundingRequest.newBuilder().addAllIndicators(named)
            .setFinancialYear(year).build()));
    Optional<List<SpendLine>> streams = spend.result(unavailable).map(SpendReport::getLinesList);
    Optional<List<IndicatorFunding>> commitments = funding == null ? Optional.of(List.of())
        : funding.result(unavailable).map(BatchGetIndicatorFundingResponse::getIndicatorsList);
    Optional<List<Decision>> decided = allDecisions.result(unavailable);
    return MoneyBehind.of(year, blocks, streams, commitments, decided).build();
  }

  /** Each section's unavailability said once: a service down fails each of its calls. */
  static List<UnavailableSection> once(List<UnavailableSection> unavailable) {
    Map<String, UnavailableSection> once = new LinkedHashMap<>();
    unavailable.forEach(u -> once.putIfAbsent(u.getSection() + " " + u.getService(), u));
    return new ArrayList<>(once.values());
  }

  private BlockSummary.Builder summarise(LaaBlock block, Optional<List<IndicatorReport>> reports,
      Optional<FundingSummary> funding, Optional<BatchGetResponsibilitiesResponse> responsible,
      boolean everyIndicator) {
    var out = BlockSummary.newBuilder().setBlock(block).setTitle(Blocks.title(block)).setSlug(Blocks.slug(block));
    Map<String, Responsibility> byBody = new LinkedHashMap<>();
    Map<String, List<Action>> onIndicator = new HashMap<>();
    responsible.ifPresent(rs -> {
      rs.getResponsibilitiesList().forEach(r -> byBody.putIfAbsent(r.getBody(), r));
      rs.getIndicatorActionsList().forEach(a -> a.getIndicatorsList().forEach(i -> onIndicator
          .computeIfAbsent(i, k -> new ArrayList<>()).add(a)));
    });
    Map<String, ThemeGroup> groups = new LinkedHashMap<>();
    reports.ifPresent(rs -> {
      var counts = JudgementCounts.newBuilder();
      var trends = TrendCounts.newBuilder();
      List<IndicatorLine> reds = new ArrayList<>();
      List<IndicatorLine> ambers = new ArrayList<>();
      for (IndicatorReport r : rs) {
        String group = r.getIndicator().getThemeGroup();
        if (!group.isEmpty()) {
          groups.computeIfAbsent(group, g -> byBody.containsKey(g) ? themeGroup(byBody.get(g))
              : ThemeGroup.newBuilder().setName(g).build());
        }
        count(counts, r);
        count(trends, r);
        String groupTitle = group.isEmpty() ? "" : groups.get(group).getTitle();
        IndicatorLine line = line(r, groupTitle, List.of());
        if (everyIndicator) {
          out.addIndicators(line);
        }
        List<Action> actions = onIndicator.getOrDefault(r.getIndicator().getName(), List.of());
        switch (r.getComputedJudgement().getRating()) {
          case RATING_RED -> reds.add(line(r, groupTitle, actions));
          case RATING_AMBER -> ambers.add(line(r, groupTitle, actions));
          default -> { }
        }
      }
      out.setJudgements(counts.setTotal(rs.size())).setTrends(trends).addAllExceptions(reds).addAllExceptions(ambers);
    });
    byBody.values().stream().filter(r -> r.hasDetail() && (r.getDetail().getBlocksList().contains(block)
        || r.getDetail().getOutcomeBlocksList().contains(block)))
        .forEach(r -> groups.putIfAbsent(r.getBody(), themeGroup(r)));
    out.addAllThemeGroups(groups.values());
    funding.ifPresent(f -> out.setFunding(f.getBlocksList().stream().filter(b -> b.getBlock() == block).findFirst()
        .orElse(BlockTotals.newBuilder().setBlock(block).build())));
    return out;
  }

  /** An indicator as a line of a summary, with {@code actions} the open actions on it. */
  public static IndicatorLine line(IndicatorReport r, String themeGroupTitle, List<Action> actions) {
    var i = r.getIndicator();
    return IndicatorLine.newBuilder().setIndicator(i.getName()).setCode(i.getId()).setTitle(i.getTitle())
        .setThemeGroupTitle(themeGroupTitle)
        .setUnits(i.getUnits()).setComputedJudgement(r.getComputedJudgement())
        .setRecordedRating(r.getRecordedJudgement().getRating()).setTrend(r.getTrend().getDirection())
        .setGap(r.getGap().getDirection()).setThemeGroup(i.getThemeGroup())
        .setOwnerOrganisation(i.getOwnerOrganisation()).addAllOpenActions(actions).build();
  }

  /** A theme group as the pages publish it: its people without their e-mail addresses, which are for reminders. */
  private static ThemeGroup themeGroup(Responsibility r) {
    return ThemeGroup.newBuilder().setName(r.getBody()).setTitle(r.getDetail().getTitle())
        .addAllPeople(r.getPeopleList().stream().map(p -> p.toBuilder().setPerson(p.getPerson().toBuilder()
            .clearEmail()).build()).toList()).addAllOpenActions(r.getOpenActionsList()).build();
  }

  private static void count(JudgementCounts.Builder c, IndicatorReport r) {
    switch (r.getComputedJudgement().getRating()) {
      case RATING_RED -> c.setRed(c.getRed() + 1);
      case RATING_AMBER -> c.setAmber(c.getAmber() + 1);
      case RATING_GREEN -> c.setGreen(c.getGreen() + 1);
      default -> c.setNotJudged(c.getNotJudged() + 1);
    }
  }

  private static void count(TrendCounts.Builder c, IndicatorReport r) {
    switch (r.getTrend().getDirection()) {
      case DIRECTION_IMPROVING -> c.setImproving(c.getImproving() + 1);
      case DIRECTION_WORSENING -> c.setWorsening(c.getWorsening() + 1);
      case DIRECTION_NO_CHANGE -> c.setNoChange(c.getNoChange() + 1);
      default -> c.setUnknown(c.getUnknown() + 1);
    }
  }

  private static void add(JudgementCounts.Builder total, JudgementCounts c) {
    total.setRed(total.getRed() + c.getRed()).setAmber(total.getAmber() + c.getAmber())
        .setGreen(total.getGreen() + c.getGreen()).setNotJudged(total.getNotJudged() + c.getNotJudged())
        .setTotal(total.getTotal() + c.getTotal());
  }

  private Fetch<FundingSummary> fundingSummary(String year) {
    return fetch(Section.SECTION_FUNDING, Upstreams.FUNDING, upstreams.funding().getFundingSummary(
        GetFundingSummaryRequest.newBuilder().setFinancialYear(year).build()));
  }

  private Fetch<SpendReport> spendReport(String year) {
    return fetch(Section.SECTION_FUNDING, Upstreams.FUNDING, upstreams.funding().getSpendReport(
        GetSpendReportRequest.newBuilder().setFinancialYear(year).build()));
  }

  private Fetch<BatchGetResponsibilitiesResponse> responsibilities(List<LaaBlock> blocks) {
    // The block's indicators are not known until the indicators service answers, which this call does
    // not wait for: it asks for the actions on any indicator, and each line takes its own.
    return fetch(Section.SECTION_GOVERNANCE, Upstreams.PARTNERSHIP, upstreams.partnership().batchGetResponsibilities(
        BatchGetResponsibilitiesRequest.newBuilder().addAllBlocks(blocks).setAllIndicatorActions(true).build()));
  }

  /**
   * Every report of {@code block} (all blocks when null), with the fields {@code mask} names: one call, more only
   * past 500 indicators.
   */
  private ListenableFuture<List<IndicatorReport>> reports(LaaBlock block, FieldMask mask) {
    var request = ListIndicatorReportsRequest.newBuilder().setPageSize(Paging.PAGE).setReadMask(mask);
    if (block != null) {
      request.setBlock(block);
    }
    return Paging.all(token -> upstreams.indicators().listIndicatorReports(request.setPageToken(token).build()),
        ListIndicatorReportsResponse::getReportsList, ListIndicatorReportsResponse::getNextPageToken);
  }

  /** Every decision {@code asked} filters for, oldest meeting first: the DECISIONS section of a page. */
  public Fetch<List<Decision>> decisions(ListDecisionsRequest.Builder asked) {
    return fetch(Section.SECTION_DECISIONS, Upstreams.PARTNERSHIP, Paging.all(token -> upstreams.partnership()
        .listDecisions(asked.setPageSize(Paging.PAGE).setPageToken(token).build()),
        ListDecisionsResponse::getDecisionsList, ListDecisionsResponse::getNextPageToken));
  }

  private <T> Fetch<T> fetch(Section section, String service, ListenableFuture<T> call) {
    return new Fetch<>(section, service, call, upstreams.deadline());
  }
}
