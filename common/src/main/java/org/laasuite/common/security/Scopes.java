package org.laasuite.common.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.laasuite.partnership.v1.Permission;
import org.laasuite.partnership.v1.Right;

/**
 * The scopes an indicator's figures belong to, which a right must be over to let its holder work on them, and how a
 * right covers a scope. One rule for the services that check a write and for the gateway that shows a person what
 * they may do (the service still decides).
 */
public final class Scopes {

  private Scopes() {
  }

  /** Who enters an indicator's figures: the organisation that owns it, else the theme group that reports it. */
  public static List<String> owners(String ownerOrganisation, String themeGroup) {
    if (!ownerOrganisation.isEmpty()) {
      return List.of(ownerOrganisation);
    }
    return judges(themeGroup);
  }

  /** Who records, and approves, an indicator's judgements and figures: the theme group that reports it. */
  public static List<String> judges(String themeGroup) {
    return themeGroup.isEmpty() ? List.of() : List.of(themeGroup);
  }

  /** Those who may see an indicator's figures before they are published: who enter, judge, approve or publish them. */
  public static final List<Permission> SEE_PENDING = List.of(Permission.PERMISSION_ENTER_FIGURES,
      Permission.PERMISSION_RECORD_JUDGEMENTS, Permission.PERMISSION_APPROVE_FIGURES,
      Permission.PERMISSION_PUBLISH_FIGURES, Permission.PERMISSION_MANAGE_INDICATORS);

  /** The scopes a right to see an indicator's pending figures may be over: its owners' and its judges'. */
  public static List<String> pending(String ownerOrganisation, String themeGroup) {
    List<String> scopes = new ArrayList<>(owners(ownerOrganisation, themeGroup));
    scopes.addAll(judges(themeGroup));
    return scopes;
  }

  /**
   * Whether {@code right} lets its holder do {@code permission} to an object of {@code scopes}: a right over the whole
   * partnership (no scope) does, and so does one over one of them.
   */
  public static boolean covers(Right right, Permission permission, Collection<String> scopes) {
    return right.getPermission() == permission && (right.getScope().isEmpty() || scopes.contains(right.getScope()));
  }
}
