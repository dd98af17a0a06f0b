package org.laasuite.reporting.web;

import jakarta.inject.Singleton;
import java.util.Map;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.reporting.assembly.Assembler;
import org.laasuite.reporting.assembly.Blocks;
import org.laasuite.reporting.render.Charts;
import org.laasuite.reporting.render.FigureTable;
import org.laasuite.reporting.render.PeriodNames;
import org.laasuite.reporting.v1.BlockSummary;
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

  public Views(Assembler assembler) {
    this.assembler = assembler;
  }

  public ReportCard card(String code, String period) {
    String indicator = Assembler.indicatorName(code, "code");
    return assembler.card(indicator, assembler.year(period, "period"));
  }

  public BlockSummary block(String slug, String period) {
    LaaBlock block = Blocks.fromSlug(slug).orElseThrow(() -> new ApiException(io.grpc.Status.Code.NOT_FOUND,
        "BLOCK_NOT_FOUND", "blocks/" + clip(slug) + " is not an LAA block; the blocks are " + Blocks.slugs(),
        java.util.List.of()));
    return assembler.block(block, assembler.year(period, "period"));
  }

  public PerformanceReport report(String kind, String period) {
    ReportKind k = switch (kind) {
      case "quarterly" -> ReportKind.REPORT_KIND_QUARTERLY;
      case "review-pack" -> ReportKind.REPORT_KIND_REVIEW_PACK;
      default -> throw new ApiException(io.grpc.Status.Code.NOT_FOUND, "REPORT_NOT_FOUND",
          "reports/" + clip(kind) + " does not exist; the reports are quarterly and review-pack", java.util.List.of());
    };
    return assembler.report(k, assembler.year(period, "period"));
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
    return model;
  }

  /** Characters of a narrative part, and of a title, judgement, outcome or action line, on paper. */
  static final int PRINTED_TEXT = 600;
  static final int PRINTED_LINE = 220;
  static final int PRINTED_FIGURE_ROWS = 12;
  static final int PRINTED_OWN_ACTIONS = 5;
  static final int PRINTED_GROUP_ACTIONS = 3;
  static final int PRINTED_FUNDING = 5;

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

  /** A client's text repeated in a message, cut short. */
  static String clip(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
