package org.laasuite.reporting.opendata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.laasuite.common.FinancialYear;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.common.grpc.Violations;
import org.laasuite.funding.v1.Amount;
import org.laasuite.funding.v1.AmountStatus;
import org.laasuite.funding.v1.Arrangement;
import org.laasuite.funding.v1.ArrangementFunding;
import org.laasuite.funding.v1.BlockFunding;
import org.laasuite.funding.v1.Commitment;
import org.laasuite.funding.v1.FundingLine;
import org.laasuite.funding.v1.FundingSummary;
import org.laasuite.funding.v1.YearAmount;
import org.laasuite.partnership.v1.Organisation;

/**
 * The partnership's money as 360Giving grants (standard 1.4; identifiers and the choices made: docs/open-data.md).
 * Two kinds of grant, both from the partnership (the publisher) as funder:
 * <ul>
 *   <li>each pooled funding stream's capital and revenue for the year (Annex 3's automatically and other pooled
 *   funding), to the agreement's accountable body, which holds the pooled grants; aligned funding stays with its
 *   owner and is no grant of the partnership's;</li>
 *   <li>each commitment's amount for a year, to the organisation it names as its recipient.</li>
 * </ul>
 * Only amounts that are known: "NYQ" (not yet quantified) is no amount, so such a line is left out rather than
 * published as zero; a commitment without a recipient, or pooled funding without an accountable body, too.
 */
public final class ThreeSixtyGiving {

  static final String VERSION = "1.4";

  private final String prefix;
  private final Fields funder;

  /**
   * @param prefix the 360Giving prefix of the partnership's identifiers
   * @param publisher the publisher's name: the funder; its organisation's identifiers when an organisation of the
   *     partnership has that name
   */
  public ThreeSixtyGiving(String prefix, String publisher, List<Organisation> organisations) {
    this.prefix = prefix;
    Optional<Organisation> own = organisations.stream().filter(o -> o.getTitle().equalsIgnoreCase(publisher))
        .findFirst();
    this.funder = own.map(this::organisation).orElseGet(() -> Fields.object()
        .with("id", prefix + "-org-" + publisher.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-|-$", ""))
        .with("name", publisher));
  }

  /** Every grant of {@code summary}'s year and of the commitments, in the agreement's order. */
  public List<Fields> grants(FundingSummary summary, List<Commitment> commitments, List<Organisation> organisations) {
    Map<String, Organisation> byName = organisations.stream()
        .collect(Collectors.toMap(Organisation::getName, Function.identity(), (a, b) -> a));
    FinancialYear year = FinancialYear.parse(summary.getFinancialYear(), "financial_year", new Violations());
    List<Fields> grants = new ArrayList<>();
    Optional<Organisation> accountable = organisations.stream().filter(Organisation::getAccountableBody).findFirst();
    if (accountable.isPresent() && year != null) {
      for (ArrangementFunding arrangement : summary.getArrangementsList()) {
        if (arrangement.getArrangement() == Arrangement.ARRANGEMENT_ALIGNED) {
          continue;
        }
        for (BlockFunding block : arrangement.getBlocksList()) {
          for (FundingLine line : block.getLinesList()) {
            pooled(line, "capital", line.getCapital(), arrangement, block, year, accountable.get())
                .ifPresent(grants::add);
            pooled(line, "revenue", line.getRevenue(), arrangement, block, year, accountable.get())
                .ifPresent(grants::add);
          }
        }
      }
    }
    for (Commitment c : commitments) {
      Organisation recipient = byName.get(c.getRecipient());
      if (recipient == null) {
        continue;
      }
      for (YearAmount ya : c.getAmountsList()) {
        FinancialYear y = FinancialYear.parse(ya.getFinancialYear(), "financial_year", new Violations());
        if (y != null && known(ya.getAmount())) {
          grants.add(commitment(c, y, ya.getAmount(), recipient));
        }
      }
    }
    return grants;
  }

  private static boolean known(Amount a) {
    return a.hasMoney() && (a.getStatus() == AmountStatus.AMOUNT_STATUS_CONFIRMED
        || a.getStatus() == AmountStatus.AMOUNT_STATUS_INDICATIVE);
  }

  private Optional<Fields> pooled(FundingLine line, String part, Amount amount, ArrangementFunding arrangement,
      BlockFunding block, FinancialYear year, Organisation recipient) {
    if (!known(amount) || line.getFundingStream().isEmpty()) {
      return Optional.empty();
    }
    String stream = line.getFundingStream().substring("fundingStreams/".length());
    String how = arrangement.getArrangement() == Arrangement.ARRANGEMENT_AUTOMATICALLY_POOLED
        ? "automatically pooled" : "pooled by local choice";
    String description = line.getDisplayName() + ": " + part + " funding for " + year + ", " + how
        + " in the Local Area Agreement (block: " + ProtoEnums.words(block.getBlock()) + ")"
        + (line.getHeading().isEmpty() ? "" : ", under '" + line.getHeading() + "'")
        + (line.getPreviouslyPooled() ? "; pooled under the previous agreement too" : "")
        + (amount.getStatus() == AmountStatus.AMOUNT_STATUS_INDICATIVE ? "; the amount is indicative" : "") + ".";
    return Optional.of(grant(prefix + "-stream-" + stream + "-" + year + "-" + part,
        line.getDisplayName() + " (" + part + ", " + year + ")", description, amount, year.start(), year.start(),
        year.end(), recipient, "Local Area Agreement pooled funding", block));
  }

  private Fields commitment(Commitment c, FinancialYear year, Amount amount, Organisation recipient) {
    LocalDate start = Fields.local(c.getStartDate());
    LocalDate end = Fields.local(c.getEndDate());
    LocalDate from = start == null || start.isBefore(year.start()) ? year.start() : start;
    LocalDate to = end == null || end.isAfter(year.end()) ? year.end() : end;
    String description = c.getTitle() + " (" + ProtoEnums.words(c.getKind())
        + (c.getPosts() > 0 ? ", " + c.getPosts() + (c.getPosts() == 1 ? " post" : " posts") : "") + "), paid from "
        + c.getProgramme() + " for " + year + (c.getSource().isEmpty() ? "" : "; recorded at " + c.getSource())
        + (amount.getStatus() == AmountStatus.AMOUNT_STATUS_INDICATIVE ? "; the amount is indicative" : "") + ".";
    return grant(prefix + "-commitment-" + c.getId() + "-" + year, c.getTitle() + " (" + year + ")", description,
        amount, from, from, to.isBefore(from) ? from : to, recipient, c.getProgramme(), null);
  }

  private Fields grant(String id, String title, String description, Amount amount, LocalDate awarded,
      LocalDate start, LocalDate end, Organisation recipient, String programme,
      BlockFunding block) {
    Fields grant = Fields.object().with("id", id).with("title", title).with("description", description)
        .with("currency", amount.getMoney().getCurrencyCode().isEmpty() ? "GBP" : amount.getMoney().getCurrencyCode())
        .with("amountAwarded", Fields.pounds(amount.getMoney())).with("awardDate", awarded.toString())
        .with("plannedDates", List.of(Fields.object().with("startDate", start.toString())
            .with("endDate", end.toString())))
        .with("recipientOrganization", List.of(organisation(recipient)))
        .with("fundingOrganization", List.of(funder))
        .with("grantProgramme", List.of(Fields.object().with("title", programme)));
    if (block != null) {
      grant.with("classifications", List.of(Fields.object().with("vocabulary", "LAA block")
          .with("code", ProtoEnums.shortName(block.getBlock())).with("title", ProtoEnums.words(block.getBlock()))));
    }
    return grant;
  }

  /** The funder's (the publisher's) identifier. */
  public String funderId() {
    return (String) funder.get("id");
  }

  /** An organisation as 360Giving names it: its registered identifier when it has one, else the partnership's. */
  Fields organisation(Organisation o) {
    List<String> registered = o.getRegisteredIdentifiersList();
    String id = registered.stream().filter(r -> r.startsWith("GB-CHC-")).findFirst()
        .or(() -> registered.stream().filter(r -> r.startsWith("GB-COH-")).findFirst())
        .or(() -> registered.stream().findFirst())
        .orElse(prefix + "-org-" + o.getId());
    return Fields.object().with("id", id).with("name", o.getTitle())
        .with("charityNumber", number(registered, "GB-CHC-", "GB-SC-", "GB-NIC-"))
        .with("companyNumber", number(registered, "GB-COH-"));
  }

  private static String number(List<String> registered, String... schemes) {
    for (String r : registered) {
      for (String scheme : schemes) {
        if (r.startsWith(scheme)) {
          return r.substring(scheme.length());
        }
      }
    }
    return null;
  }
}
