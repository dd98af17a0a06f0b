package org.laasuite.funding.lpsa;

import java.math.BigDecimal;
import org.laasuite.common.grpc.FieldBehaviors;
import org.laasuite.common.grpc.Moneys;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.funding.v1.LpsaTarget;

/** LPSA stretch targets to and from their proto, checking the shape of what clients (and the importer) send. */
public final class LpsaTargetMapper {

  private LpsaTargetMapper() {
  }

  public static LpsaTarget toProto(LpsaTargetRow t) {
    var b = LpsaTarget.newBuilder().setName(t.name()).setId(t.code()).setIndicator(t.indicator())
        .setLpsaTarget(t.lpsaTarget()).setStretchTarget(Protos.decimal(t.stretch()))
        .setStretchTargetText(t.stretchText()).setSource(t.source()).setNote(t.note());
    if (t.rewardGrantPence() != null) {
      b.setRewardGrant(Moneys.gbp(t.rewardGrantPence()));
    }
    if (t.expected() != null) {
      b.setExpectedWithoutStretch(Protos.decimal(t.expected()));
    }
    if (t.threshold() != null) {
      b.setThreshold(Protos.decimal(t.threshold()));
    }
    if (t.createTime() != null) {
      b.setCreateTime(Protos.timestamp(t.createTime()));
    }
    return b.build();
  }

  /** A new target as a client (or the importer) described it; fields are named {@code p} + their name. */
  public static LpsaTargetRow fromProto(LpsaTarget in, String p, Violations v) {
    FieldBehaviors.checkRequired(in, p, v); // what the proto marks REQUIRED, with the rules below
    ResourceNames.LPSA_TARGETS.validId(in.getId(), p + "id", v);
    if (!in.getIndicator().isEmpty()) {
      ResourceNames.INDICATORS.id(in.getIndicator(), p + "indicator", v);
    }
    v.maxLength(in.getLpsaTarget(), Violations.MAX_TITLE, p + "lpsa_target");
    v.maxLength(in.getStretchTargetText(), Violations.MAX_TITLE, p + "stretch_target_text");
    v.maxLength(in.getSource(), Violations.MAX_TITLE, p + "source");
    v.maxLength(in.getNote(), Violations.MAX_TEXT, p + "note");
    Long grant = in.hasRewardGrant() ? Moneys.pence(in.getRewardGrant(), p + "reward_grant", v) : null;
    BigDecimal expected = in.hasExpectedWithoutStretch()
        ? Protos.decimal(in.getExpectedWithoutStretch(), p + "expected_without_stretch", v).orElse(null) : null;
    BigDecimal stretch = in.hasStretchTarget()
        ? Protos.decimal(in.getStretchTarget(), p + "stretch_target", v).orElse(null) : null;
    BigDecimal threshold = in.hasThreshold() ? LpsaRewardMapper.threshold(in.getThreshold(), p + "threshold", v)
        : null;
    LpsaRewardMapper.checkStretch(expected, stretch, p + "stretch_target", v);
    return new LpsaTargetRow(null, in.getId(), in.getIndicator(), in.getLpsaTarget(), grant, expected, stretch,
        in.getStretchTargetText(), threshold, in.getSource(), in.getNote(), null);
  }
}
