package org.laasuite.reporting.entry;

import java.util.Collection;
import java.util.List;
import org.laasuite.common.security.Scopes;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.partnership.v1.CallerRights;
import org.laasuite.partnership.v1.GetCallerRightsRequest;
import org.laasuite.partnership.v1.Permission;
import org.laasuite.reporting.signin.SignedIn;
import org.laasuite.reporting.upstream.Answers;
import org.laasuite.reporting.upstream.Upstreams;

/**
 * What a signed-in person may do with indicators' figures, as the partnership service derives it from its governance
 * data (GetCallerRights, asked with their own token): which buttons and fields a page offers them. The services
 * still check every write against the same rights (common Scopes).
 */
public record PersonRights(CallerRights rights) {

  /** The rights of the person signed in, asked as them; the service's refusal passed on. */
  public static PersonRights of(Upstreams upstreams, SignedIn me) {
    return new PersonRights(Answers.orPassOn(upstreams.partnershipAs(me.token()).getCallerRights(
        GetCallerRightsRequest.getDefaultInstance()), upstreams.deadline(), Upstreams.PARTNERSHIP));
  }

  /** The person the sign-in is linked to ("people/…"); empty when none. */
  public String person() {
    return rights.getPerson();
  }

  public boolean holds(Permission permission, Collection<String> scopes) {
    return rights.getRightsList().stream().anyMatch(r -> Scopes.covers(r, permission, scopes));
  }

  public boolean mayEnter(Indicator i) {
    return holds(Permission.PERMISSION_ENTER_FIGURES, Scopes.owners(i.getOwnerOrganisation(), i.getThemeGroup()));
  }

  public boolean mayJudge(Indicator i) {
    return holds(Permission.PERMISSION_RECORD_JUDGEMENTS, Scopes.judges(i.getThemeGroup()));
  }

  /** Whether they approve (and return) the submitted figures of the theme group {@code body}. */
  public boolean mayApprove(String body) {
    return holds(Permission.PERMISSION_APPROVE_FIGURES, Scopes.judges(body));
  }

  /** Whether they publish approved figures and freeze editions: a right over the whole partnership. */
  public boolean mayPublish() {
    return holds(Permission.PERMISSION_PUBLISH_FIGURES, List.of());
  }

  /** Whether they keep the meetings, the improvement plans and the risk register: a right over the partnership. */
  public boolean mayManageMeetings() {
    return holds(Permission.PERMISSION_MANAGE_MEETINGS, List.of());
  }

  /** Whether they may read the indicators service's audit trail. */
  public boolean mayReadAudit() {
    return holds(Permission.PERMISSION_MANAGE_INDICATORS, List.of());
  }

  /** Whether they may see the indicator's figures before they are published. */
  public boolean maySeePending(Indicator i) {
    List<String> scopes = Scopes.pending(i.getOwnerOrganisation(), i.getThemeGroup());
    return Scopes.SEE_PENDING.stream().anyMatch(p -> holds(p, scopes));
  }
}
