package org.laasuite.funding.commitment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.laasuite.common.FinancialYear;
import org.laasuite.common.grpc.FieldBehaviors;
import org.laasuite.common.grpc.Moneys;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.funding.AmountMapper;
import org.laasuite.funding.AmountValue;
import org.laasuite.funding.v1.Commitment;
import org.laasuite.funding.v1.Spend;
import org.laasuite.funding.v1.YearAmount;

/** Commitments and spend to and from their protos, checking the shape of what clients send. */
public final class CommitmentMapper {

  private CommitmentMapper() {
  }

  public static Commitment toProto(CommitmentService.Full f) {
    CommitmentRow c = f.commitment();
    var b = Commitment.newBuilder()
        .setName(c.name()).setId(c.code()).setTitle(c.title()).setKind(c.kind()).setProgramme(c.programme())
        .setFundingStream(f.stream() == null ? "" : f.stream().name()).setPosts(c.posts()).setSource(c.source())
        .setNote(c.note()).setOverCommitted(c.overCommitted()).setRecipient(c.recipient());
    if (c.startDate() != null) {
      b.setStartDate(Protos.date(c.startDate()));
    }
    if (c.endDate() != null) {
      b.setEndDate(Protos.date(c.endDate()));
    }
    f.amounts().forEach(a -> b.addAmounts(YearAmount.newBuilder().setFinancialYear(a.financialYear())
        .setAmount(AmountMapper.toProto(a.amount()))));
    f.supports().forEach(r -> {
      if (r.startsWith("indicators/")) {
        b.addSupportsIndicators(r);
      } else {
        b.addSupportsBodies(r);
      }
    });
    if (c.createTime() != null) {
      b.setCreateTime(Protos.timestamp(c.createTime()));
    }
    return b.build();
  }

  public static Spend toProto(CommitmentRow c, SpendRow s) {
    var b = Spend.newBuilder()
        .setName(c.name() + "/spend/" + s.financialYear() + "-q" + s.quarter())
        .setFinancialYear(s.financialYear()).setQuarter(s.quarter()).setAmount(Moneys.gbp(s.pence()))
        .setNote(s.note());
    if (s.createTime() != null) {
      b.setCreateTime(Protos.timestamp(s.createTime()));
    }
    return b.build();
  }

  /**
   * A new commitment as a client (or the importer) described it; fields are named {@code p} + their
   * name. Whether its stream exists and can afford it is the service's to say.
   */
  public static CommitmentService.Draft fromProto(Commitment in, String p, Violations v) {
    FieldBehaviors.checkRequired(in, p, v); // what the proto marks REQUIRED, with the rules below
    ResourceNames.COMMITMENTS.validId(in.getId(), p + "id", v);
    v.requiredText(in.getTitle(), Violations.MAX_TITLE, p + "title");
    v.requiredText(in.getProgramme(), Violations.MAX_TITLE, p + "programme");
    ProtoEnums.required(in.getKind(), p + "kind", v);
    v.check(in.getPosts() >= 0 && in.getPosts() <= 10_000, p + "posts", "must be 0 to 10,000");
    v.maxLength(in.getSource(), Violations.MAX_TITLE, p + "source");
    v.maxLength(in.getNote(), Violations.MAX_TEXT, p + "note");
    LocalDate start = in.hasStartDate() ? Protos.date(in.getStartDate(), p + "start_date", v).orElse(null) : null;
    LocalDate end = in.hasEndDate() ? Protos.date(in.getEndDate(), p + "end_date", v).orElse(null) : null;
    if (start != null && end != null) {
      v.check(!end.isBefore(start), p + "end_date", "is before start_date " + start);
    }
    if (!in.getFundingStream().isEmpty()) {
      v.check(ResourceNames.FUNDING_STREAMS.isName(in.getFundingStream()), p + "funding_stream",
          in.getFundingStream() + " must look like 'fundingStreams/{id}'");
    }
    if (!in.getRecipient().isEmpty()) {
      v.check(ResourceNames.ORGANISATIONS.isName(in.getRecipient()), p + "recipient",
          in.getRecipient() + " must look like 'organisations/{id}'");
    }
    List<String> supported = new ArrayList<>();
    for (int i = 0; i < in.getSupportsIndicatorsCount(); i++) {
      String r = in.getSupportsIndicators(i);
      if (v.check(ResourceNames.INDICATORS.isName(r), p + "supports_indicators[" + i + "]",
          "must look like 'indicators/{code}'")) {
        supported.add(r);
      }
    }
    for (int i = 0; i < in.getSupportsBodiesCount(); i++) {
      String r = in.getSupportsBodies(i);
      if (v.check(ResourceNames.BODIES.isName(r), p + "supports_bodies[" + i + "]",
          "must look like 'bodies/{id}'")) {
        supported.add(r);
      }
    }
    List<CommitmentAmountRow> years = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < in.getAmountsCount(); i++) {
      YearAmount ya = in.getAmounts(i);
      String f = p + "amounts[" + i + "]";
      FinancialYear year = FinancialYear.parse(ya.getFinancialYear(), f + ".financial_year", v);
      AmountValue amount = AmountMapper.fromProto(ya.getAmount(), f + ".amount", v);
      if (year != null && amount != null) {
        v.check(seen.add(year.toString()), f + ".financial_year", year + " is given twice");
        years.add(new CommitmentAmountRow(null, 0, year.toString(), amount.pence(), amount.status(), amount.text()));
      }
    }
    CommitmentRow c = new CommitmentRow(null, in.getId(), in.getTitle(), in.getKind(), in.getProgramme(), null,
        in.getPosts(), start, end, in.getSource(), in.getNote(), false, in.getRecipient(), null);
    return new CommitmentService.Draft(c, in.getFundingStream(), years, supported);
  }

  /** New spend as a client described it, or null (with violations) when its year or amount is not one. */
  public static SpendRow fromProto(Spend in, String p, Violations v) {
    FieldBehaviors.checkRequired(in, p, v); // what the proto marks REQUIRED, with the rules below
    FinancialYear year = FinancialYear.parse(in.getFinancialYear(), p + "financial_year", v);
    v.check(in.getQuarter() >= 1 && in.getQuarter() <= 4, p + "quarter",
        "must be 1 (April-June) to 4 (January-March)");
    Long pence = v.check(in.hasAmount(), p + "amount", "is required") ? Moneys.pence(in.getAmount(), p + "amount", v)
        : null;
    v.maxLength(in.getNote(), Violations.MAX_TEXT, p + "note");
    return year == null || pence == null ? null
        : new SpendRow(null, 0, year.toString(), in.getQuarter(), pence, in.getNote(), null);
  }
}
