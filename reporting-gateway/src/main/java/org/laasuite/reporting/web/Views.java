package org.laasuite.reporting.web;

import jakarta.inject.Singleton;
import java.util.function.Function;
import org.laasuite.reporting.cache.PageCache;
import org.laasuite.reporting.upstream.Upstreams;
import java.util.Map;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.indicators.v1.Edition;
import org.laasuite.reporting.assembly.Assembler;
import org.laasuite.reporting.assembly.Blocks;
import org.laasuite.reporting.assembly.Commitments;
import org.laasuite.reporting.assembly.Editions;
import org.laasuite.reporting.assembly.ReportPeriod;
import org.laasuite.reporting.render.Charts;
import org.laasuite.reporting.render.FigureTable;
import org.laasuite.reporting.render.Fmt;
import org.laasuite.reporting.render.PeriodNames;
import org.laasuite.reporting.v1.BlockSummary;
import org.laasuite.reporting.v1.CommitmentPage;
import org.laasuite.reporting.v1.PerformanceReport;
import org.laasuite.reporting.v1.ReportCard;
import org.laasuite.reporting.v1.ReportKind;
import org.laasuite.type.v1.LaaBlock;

/**
 * What the HTTP routes share: request parameters checked and named as the client wrote them, the
 * model assembled, and the template variables of each page.
 */
@Singleton
public class Views {

  private final Assembler assembler;
  private final Editions editions;
  private final PageCache cache;
  private final Upstreams upstreams;
  private final Commitments commitments;

  private final org.laasuite.reporting.assembly.ExitPlans exitPlans;

  public Views(Assembler assembler, Editions editions, PageCache cache, Upstreams upstreams, Commitments commitments,
      org.laasuite.reporting.assembly.ExitPlans exitPlans) {
    this.commitments = commitments;
    this.exitPlans = exitPlans;
    this.assembler = assembler;
    this.editions = editions;
    this.cache = cache;
    this.upstreams = upstreams;
  }

  /**
   * What {@code render} makes of the public card ({@code form}: "json", "pdf", "html"), kept until anything under it
   * changes when it is the same for every reader: read as the gateway and, for a page, {@code anonymous}.
   */
  public <R> R card(String code, String period, String form, boolean anonymous, Function<ReportCard, R> render) {
    String indicator = Assembler.indicatorName(code, "code");
    String year = year(period);
    return cache.rendered(form + " card " + indicator + " " + year, anonymous && upstreams.readsAsItself(),
        () -> assembler.card(indicator, year, null), render);
  }

  /** The same for a commitment's page ({@code id} as the client wrote it). */
  public <R> R commitment(String id, String form, boolean anonymous, Function<CommitmentPage, R> render) {
    String name = Commitments.commitmentName(id, "id");
    return cache.rendered(form + " commitment " + name, anonymous && upstreams.readsAsItself(),
        () -> commitments.assemble(name), render);
  }

  /** A commitment page's template variables: its decisions and actions said unavailable when they are; no text cut. */
  static Map<String, Object> commitmentPage(CommitmentPage page) {
    return new java.util.HashMap<>(Map.of("page", page, "decisionsUnavailable", page.getUnavailableList().stream()
        .anyMatch(u -> u.getSection() == org.laasuite.reporting.v1.Section.SECTION_DECISIONS),
        "actionsUnavailable", page.getUnavailableList().stream()
        .anyMatch(u -> u.getSection() == org.laasuite.reporting.v1.Section.SECTION_GOVERNANCE),
        "lineLimit", Integer.MAX_VALUE));
  }

  /** The same for a block summary. */
  public <R> R block(String slug, String period, String form, boolean anonymous, Function<BlockSummary, R> render) {
    LaaBlock block = block(slug);
    String year = year(period);
    return cache.rendered(form + " block " + block + " " + year, anonymous && upstreams.readsAsItself(),
        () -> assembler.block(block, year), render);
  }

  public ReportCard card(String code, String period) {
    return card(code, period, null);
  }

  /** The card as the person whose token this is sees it, with what is pending; the public's without one. */
  public ReportCard card(String code, String period, String token) {
    String indicator = Assembler.indicatorName(code, "code");
    return assembler.card(indicator, year(period), token);
  }

  /** The financial year of the year or quarter {@code period} (the configured one when empty). */
  private String year(String period) {
    return assembler.period(period, "period").year().toString();
  }

  public BlockSummary block(String slug, String period) {
    return assembler.block(block(slug), year(period));
  }

  private static LaaBlock block(String slug) {
    return Blocks.fromSlug(slug).orElseThrow(() -> new ApiException(io.grpc.Status.Code.NOT_FOUND,
        "BLOCK_NOT_FOUND", "blocks/" + clip(slug) + " is not an LAA block; the blocks are " + Blocks.slugs(),
        java.util.List.of()));
  }

  public PerformanceReport report(String kind, String period) {
    return report(kind, period, null).report();
  }

  /**
   * A report with what it is for: {@code period}, a year or a quarter, with the quarter's editions; or
   * {@code edition}, a quarter's report as it was published (its frozen figures), with what was corrected since.
   */
  public record ReportView(PerformanceReport report, ReportPeriod period, Edition edition,
      java.util.List<Edition> editions) {
  }

  /** The money behind the red of the financial year {@code year} ("2007-08"; null or empty: the gateway's year). */
  public org.laasuite.reporting.v1.MoneyBehindTheRed moneyBehindTheRed(String year) {
    return assembler.moneyBehindTheRed(assembler.year(year, "year"));
  }

  /** The judgement disagreements of every theme group, or of the theme group {@code themeGroup} ("its-id"). */
  public org.laasuite.reporting.v1.ListJudgementDisagreementsResponse disagreements(String themeGroup) {
    String group = themeGroup == null ? "" : themeGroup.strip();
    if (!group.isEmpty() && !org.laasuite.common.grpc.ResourceNames.BODIES.isId(group)) {
      throw ApiException.invalid("theme-group", "must be a theme group's id of lower-case letters, digits and dashes "
          + "like 'community-safety-partnership', not '" + clip(group) + "'");
    }
    return assembler.disagreements(group.isEmpty() ? "" : "bodies/" + group);
  }

  /**
   * The exit plan from {@code asOf} ("2007-08-22"; null: the gateway's day), {@code horizon} months ahead ("12";
   * null: 12), each refused (400, naming it) when it is not one.
   */
  public org.laasuite.reporting.v1.ExitPlan exitPlan(String asOf, String horizon) {
    java.time.LocalDate from = null;
    if (asOf != null && !asOf.isBlank()) {
      try {
        from = java.time.LocalDate.parse(asOf.strip());
      } catch (java.time.format.DateTimeParseException e) {
        throw ApiException.invalid("as-of", "must be a date like 2007-08-22, not '" + clip(asOf) + "'");
      }
    }
    int months = 0;
    if (horizon != null && !horizon.isBlank()) {
      if (!horizon.strip().matches("\\d{1,2}") || Integer.parseInt(horizon.strip()) < 1
          || Integer.parseInt(horizon.strip()) > 60) {
        throw ApiException.invalid("horizon", "must be a number of months from 1 to 60, not '" + clip(horizon) + "'");
      }
      months = Integer.parseInt(horizon.strip());
    }
    return exitPlans.plan(from, months);
  }

  /** The disagreements page's template variables. */
  public static Map<String, Object> disagreementsPage(
      org.laasuite.reporting.v1.ListJudgementDisagreementsResponse answer, String themeGroup) {
    String group = themeGroup == null ? "" : themeGroup.strip();
    Map<String, Object> model = new java.util.HashMap<>();
    model.put("answer", answer);
    model.put("themeGroup", group);
    model.put("groupTitle", answer.getDisagreementsList().stream().map(d -> d.getThemeGroupTitle())
        .filter(t -> !t.isEmpty()).findFirst().orElse(group));
    return model;
  }

  public ReportView report(String kind, String period, String edition) {
    ReportKind k = switch (kind) {
      case "quarterly" -> ReportKind.REPORT_KIND_QUARTERLY;
      case "review-pack" -> ReportKind.REPORT_KIND_REVIEW_PACK;
      default -> throw new ApiException(io.grpc.Status.Code.NOT_FOUND, "REPORT_NOT_FOUND",
          "reports/" + clip(kind) + " does not exist; the reports are quarterly and review-pack", java.util.List.of());
    };
    if (edition == null || edition.isEmpty()) {
      ReportPeriod p = assembler.period(period, "period");
      return new ReportView(assembler.report(k, p.year().toString()), p, null,
          p.isQuarter() ? editions.of(p.period()) : java.util.List.of());
    }
    Edition e = editions.get(edition, "edition");
    ReportPeriod p = assembler.period(e.getPeriod(), "edition");
    if (period != null && !period.isEmpty() && !assembler.period(period, "period").equals(p)) {
      throw ApiException.invalid("period", e.getName() + " is the edition of " + p.label() + ", not of '"
          + clip(period) + "': leave the period out, or ask for that period's report");
    }
    // The review pack as it was frozen with the edition, whole; the quarterly report from its frozen figures.
    PerformanceReport frozen = k == ReportKind.REPORT_KIND_REVIEW_PACK ? editions.reviewPack(e)
        : assembler.report(k, p.year().toString(), e.getReportsList());
    return new ReportView(frozen, p, e, editions.of(e.getPeriod()));
  }

  /**
   * The card's template variables. Printed ({@code print}), a card keeps to the partnership's two
   * sides whatever the data: the latest figure rows, the first actions and funding lines, and long
   * texts cut at a word, each saying how much more the page online shows.
   */
  static Map<String, Object> cardPage(ReportCard card, boolean print) {
    String chart = !card.hasPerformance() ? ""
        : print ? Charts.printedCard(card.getPerformance()) : Charts.card(card.getPerformance());
    // The theme group's actions that are not already listed as the indicator's own.
    var own = card.getOpenActionsList().stream().map(org.laasuite.partnership.v1.Action::getName)
        .collect(java.util.stream.Collectors.toSet());
    var groupActions = card.getThemeGroup().getOpenActionsList().stream().filter(a -> !own.contains(a.getName()))
        .toList();
    var periods = new PeriodNames(card.getPerformance());
    var figures = FigureTable.of(card.getPerformance(), periods);
    Map<String, Object> model = new java.util.HashMap<>();
    model.put("card", card);
    model.put("chart", chart);
    model.put("periods", periods);
    model.put("textLimit", print ? PRINTED_TEXT : Integer.MAX_VALUE);
    model.put("lineLimit", print ? PRINTED_LINE : Integer.MAX_VALUE);
    // The latest figures matter most on paper: the earliest rows go first.
    int dropped = print ? Math.max(0, figures.size() - PRINTED_FIGURE_ROWS) : 0;
    model.put("figures", figures.subList(dropped, figures.size()));
    model.put("moreFigures", dropped);
    put(model, "ownActions", card.getOpenActionsList(), print ? PRINTED_OWN_ACTIONS : Integer.MAX_VALUE);
    put(model, "groupActions", groupActions, print ? PRINTED_GROUP_ACTIONS : Integer.MAX_VALUE);
    put(model, "funding", card.getFundingList(), print ? PRINTED_FUNDING : Integer.MAX_VALUE);
    // The block's streams in one line on paper, each online; the one whose funding ends first named.
    var streams = org.laasuite.reporting.assembly.MoneyBehind.streams(card.getPerformance().getIndicator().getBlock(),
        card.getBlockStreamsList()).build();
    model.put("blockMoney", streams);
    model.put("firstEnding", streams.getStreamsList().stream().filter(l -> l.hasEndDate())
        .min(java.util.Comparator.comparing(l -> org.laasuite.reporting.work.DueRule.day(l.getEndDate())))
        .orElse(null));
    // Each open action's curve in words, by action.
    Map<String, String> curves = new java.util.HashMap<>();
    card.getCurvesList().forEach(c -> curves.merge(c.getAction(), c.getWords(), (a, b) -> a + "; " + b));
    model.put("curves", curves);
    model.put("caveat", org.laasuite.reporting.assembly.Curves.CAVEAT);
    // The latest decisions matter most on paper: the earliest go first, as with the figures.
    var decisions = card.getDecisionsList();
    int undecided = print ? Math.max(0, decisions.size() - PRINTED_DECISIONS) : 0;
    model.put("decisions", decisions.subList(undecided, decisions.size()));
    model.put("decisionsMore", undecided);
    model.put("decisionsUnavailable", card.getUnavailableList().stream()
        .anyMatch(u -> u.getSection() == org.laasuite.reporting.v1.Section.SECTION_DECISIONS));
    // Online, entry/CardFigures fills these: the figures' revisions, those pending, and whether it is a preview.
    model.put("history", java.util.List.of());
    model.put("pending", java.util.List.of());
    model.put("preview", false);
    return model;
  }

  /** Characters of a narrative part, and of a title, judgement, outcome or action line, on paper. */
  static final int PRINTED_TEXT = 600;
  static final int PRINTED_LINE = 220;
  static final int PRINTED_FIGURE_ROWS = 12;
  static final int PRINTED_OWN_ACTIONS = 5;
  static final int PRINTED_GROUP_ACTIONS = 3;
  static final int PRINTED_FUNDING = 5;
  static final int PRINTED_DECISIONS = 3;

  /** {@code name}: the first {@code limit} items; {@code name + "More"}: how many are left out. */
  private static void put(Map<String, Object> model, String name, java.util.List<?> items, int limit) {
    model.put(name, items.subList(0, Math.min(limit, items.size())));
    model.put(name + "More", Math.max(0, items.size() - limit));
  }

  static Map<String, Object> blockPage(BlockSummary block) {
    return Map.of("block", block);
  }

  static Map<String, Object> reportPage(PerformanceReport report) {
    return Map.of("report", report);
  }

  /**
   * A report's template variables with what it is for: {@code quarter} (null for a year), the edition shown (null for
   * the live report), the period's editions, and the figures corrected since the edition, each a line.
   */
  static Map<String, Object> reportPage(ReportView view) {
    Map<String, Object> model = new java.util.HashMap<>(reportPage(view.report()));
    model.put("period", view.period());
    model.put("quarter", view.period().isQuarter() ? view.period() : null);
    model.put("edition", view.edition());
    model.put("editions", view.editions());
    model.put("changes", view.edition() == null ? java.util.List.of() : view.edition().getChangesSinceList().stream()
        .map(c -> new Change(c.getIndicator().substring(c.getIndicator().indexOf('/') + 1),
            Fmt.INSTANCE.period(c.getPeriod()), Fmt.INSTANCE.area(c.getArea()),
            c.hasWas() ? Fmt.INSTANCE.figure(c.getWas().getFigure()) : "none",
            Fmt.INSTANCE.figure(c.getNow().getFigure()), Fmt.INSTANCE.when(c.getNow().getPublishTime()))).toList());
    return model;
  }

  /** A figure of an edition published since in another revision: was and now, and when that was published. */
  public record Change(String code, String period, String area, String was, String now, String when) {
  }

  /** A client's text repeated in a message, cut short. */
  static String clip(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
