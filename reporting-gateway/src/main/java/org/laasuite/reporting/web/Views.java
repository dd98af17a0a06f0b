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
import org.laasuite.type.LaaBlock;

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
      case "quarterly" -> ReportKind.QUARTERLY;
      case "review-pack" -> ReportKind.REVIEW_PACK;
      default -> throw new ApiException(io.grpc.Status.Code.NOT_FOUND, "REPORT_NOT_FOUND",
          "reports/" + clip(kind) + " does not exist; the reports are quarterly and review-pack", java.util.List.of());
    };
    return assembler.report(k, assembler.year(period, "period"));
  }

  static Map<String, Object> cardPage(ReportCard card, boolean print) {
    String chart = !card.hasPerformance() ? ""
        : print ? Charts.printedCard(card.getPerformance()) : Charts.card(card.getPerformance());
    // The theme group's actions that are not already listed as the indicator's own.
    var own = card.getOpenActionsList().stream().map(org.laasuite.partnership.v1.Action::getName)
        .collect(java.util.stream.Collectors.toSet());
    var groupActions = card.getThemeGroup().getOpenActionsList().stream().filter(a -> !own.contains(a.getName()))
        .toList();
    var periods = new PeriodNames(card.getPerformance());
    return Map.of("card", card, "chart", chart, "periods", periods, "groupActions", groupActions,
        "figures", FigureTable.of(card.getPerformance(), periods));
  }

  static Map<String, Object> blockPage(BlockSummary block) {
    Map<String, org.laasuite.reporting.v1.ThemeGroup> groups = new java.util.HashMap<>();
    block.getThemeGroupsList().forEach(g -> groups.put(g.getName(), g));
    return Map.of("block", block, "groups", groups);
  }

  static Map<String, Object> reportPage(PerformanceReport report) {
    return Map.of("report", report);
  }

  /** A client's text repeated in a message, cut short. */
  static String clip(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
