package org.laasuite.partnership.access;

import org.laasuite.common.grpc.FieldBehaviors;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.Violations;
import org.laasuite.partnership.v1.CallerRights;
import org.laasuite.partnership.v1.Right;
import org.laasuite.partnership.v1.SignInLink;

/** Rights and sign-in links to and from their protos. */
public final class AccessMapper {

  private AccessMapper() {
  }

  public static CallerRights toProto(CallerRightsValue r) {
    var b = CallerRights.newBuilder().setIssuer(r.issuer()).setSubject(r.subject());
    if (r.person() != null) {
      b.setPerson(r.person().name()).setDisplayName(r.person().displayName());
    }
    if (r.organisation() != null) {
      b.setOrganisation(r.organisation().name());
    }
    for (RightValue right : r.rights()) {
      var rb = Right.newBuilder().setPermission(right.permission()).setScope(right.scope()).setReason(right.reason())
          .setSource(right.source());
      if (right.startDate() != null) {
        rb.setStartDate(Protos.date(right.startDate()));
      }
      if (right.endDate() != null) {
        rb.setEndDate(Protos.date(right.endDate()));
      }
      b.addRights(rb);
    }
    return b.build();
  }

  public static SignInLink toProto(AccessService.NamedLink named) {
    SignInLinkRow link = named.link();
    var b = SignInLink.newBuilder().setName(named.name()).setIssuer(link.issuer()).setSubject(link.subject())
        .setEmail(link.email());
    if (link.createTime() != null) {
      b.setCreateTime(Protos.timestamp(link.createTime()));
    }
    return b.build();
  }

  /** The link {@code in} describes (its person set by the service), its shape checked into {@code v}. */
  public static SignInLinkRow fromProto(SignInLink in, String fieldPrefix, Violations v) {
    FieldBehaviors.checkRequired(in, fieldPrefix, v);
    String p = fieldPrefix.isEmpty() ? "" : fieldPrefix + ".";
    v.requiredText(in.getIssuer(), Violations.MAX_TITLE, p + "issuer");
    v.maxLength(in.getSubject(), Violations.MAX_TITLE, p + "subject");
    v.maxLength(in.getEmail(), 320, p + "email");
    v.check(in.getSubject().isEmpty() != in.getEmail().isEmpty(), p + "subject",
        "set the subject or the e-mail, not both and not neither");
    if (!in.getEmail().isEmpty()) {
      v.check(in.getEmail().matches("[^@\\s]+@[^@\\s]+"), p + "email", "must be an e-mail address");
    }
    return new SignInLinkRow(null, 0, in.getIssuer().strip(), in.getSubject(), in.getEmail().strip(), null);
  }
}
