package org.laasuite.reporting.opendata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.partnership.v1.Body;
import org.laasuite.partnership.v1.Membership;
import org.laasuite.partnership.v1.Organisation;
import org.laasuite.partnership.v1.Person;
import org.laasuite.partnership.v1.Role;
import org.laasuite.partnership.v1.Sector;
import org.laasuite.reporting.opendata.GovernanceReads.Governance;

/**
 * The partnership's governance as one Popolo JSON document (popoloproject.com: {@code organizations}, {@code
 * persons}, {@code memberships}, {@code posts}). Partner organisations and the partnership's bodies are both Popolo
 * organizations (a body's {@code parent_id} is its parent body); each object's {@code id} is its resource name in the
 * partnership service ({@code organisations/coventry-city-council}, {@code bodies/community-safety-partnership},
 * {@code people/june-morley}), stable for as long as the record exists. People are published by name and role only:
 * their e-mail addresses (where reminders reach them) never appear. A person's job title is the role of a membership
 * of their organisation; a body's chairs, vice-chairs, leaders, advisors and secretaries are posts, each held
 * through a membership.
 */
public final class Popolo {

  private static final List<Role> POSTS = List.of(Role.ROLE_CHAIR, Role.ROLE_VICE_CHAIR, Role.ROLE_LEADER,
      Role.ROLE_ADVISOR, Role.ROLE_SECRETARY);

  private Popolo() {
  }

  public static Map<String, Object> document(Governance g, String licenceUrl, String publisher) {
    List<Object> organizations = new ArrayList<>();
    for (Organisation o : g.organisations()) {
      organizations.add(organization(o));
    }
    for (Body b : g.bodies()) {
      organizations.add(Fields.object().with("id", b.getName()).with("name", b.getTitle())
          .with("classification", ProtoEnums.words(b.getType())).with("parent_id", b.getParent())
          .with("description", b.getRemit()));
    }
    List<Object> persons = new ArrayList<>();
    List<Object> memberships = new ArrayList<>();
    for (Person p : g.people()) {
      persons.add(Fields.object().with("id", p.getName()).with("name", p.getDisplayName())
          .with("honorific_prefix", p.getHonorific())
          .with("other_names", p.getAlsoKnownAsList().stream().map(n -> Fields.object().with("name", n)).toList()));
      if (!p.getOrganisation().isEmpty()) {
        memberships.add(Fields.object().with("id", p.getName() + "/organisation").with("person_id", p.getName())
            .with("organization_id", p.getOrganisation()).with("role", p.getJobTitle()));
      }
    }
    Map<String, Object> posts = new LinkedHashMap<>();
    for (Membership m : g.memberships()) {
      Fields membership = Fields.object().with("id", m.getName()).with("person_id", m.getPerson())
          .with("organization_id", m.getBody()).with("role", ProtoEnums.words(m.getRole()))
          .with("on_behalf_of_id", m.getRepresents()).with("start_date", Fields.date(m.getStartDate()))
          .with("end_date", Fields.date(m.getEndDate()));
      if (POSTS.contains(m.getRole())) {
        String post = m.getBody() + "/posts/" + ProtoEnums.slug(m.getRole());
        posts.computeIfAbsent(post, id -> Fields.object().with("id", id).with("label", label(m.getRole()))
            .with("role", ProtoEnums.words(m.getRole())).with("organization_id", m.getBody()));
        membership.with("post_id", post);
      }
      memberships.add(membership);
    }
    return Fields.object().with("meta", Fields.object().with("publisher", publisher).with("license", licenceUrl))
        .with("organizations", organizations).with("persons", persons).with("memberships", memberships)
        .with("posts", new ArrayList<>(posts.values()));
  }

  private static Fields organization(Organisation o) {
    return Fields.object().with("id", o.getName()).with("name", o.getTitle())
        .with("classification", o.getSector() == Sector.SECTOR_UNSPECIFIED ? null
            : ProtoEnums.words(o.getSector()) + " sector")
        .with("identifiers", o.getRegisteredIdentifiersList().stream().map(Popolo::identifier).toList());
  }

  /** "GB-CHC-1234567": the number 1234567 in the scheme GB-CHC (org-id.guide's list code). */
  private static Fields identifier(String orgId) {
    int second = orgId.indexOf('-', orgId.indexOf('-') + 1);
    return Fields.object().with("identifier", orgId.substring(second + 1)).with("scheme", orgId.substring(0, second));
  }

  private static String label(Role role) {
    String words = ProtoEnums.words(role);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
