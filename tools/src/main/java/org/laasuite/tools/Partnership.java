package org.laasuite.tools;

import com.google.protobuf.ByteString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.laasuite.partnership.v1.Action;
import org.laasuite.partnership.v1.ActionStatus;
import org.laasuite.partnership.v1.AgendaItem;
import org.laasuite.partnership.v1.Attendance;
import org.laasuite.partnership.v1.AttendanceStatus;
import org.laasuite.partnership.v1.CallerRights;
import org.laasuite.partnership.v1.CreateSignInLinkRequest;
import org.laasuite.partnership.v1.GetMeetingRequest;
import org.laasuite.partnership.v1.ImportPartnershipRequest;
import org.laasuite.partnership.v1.ImprovementArea;
import org.laasuite.partnership.v1.ImprovementItem;
import org.laasuite.partnership.v1.ListActionsRequest;
import org.laasuite.partnership.v1.ListBodiesRequest;
import org.laasuite.partnership.v1.ListImprovementPlansRequest;
import org.laasuite.partnership.v1.ListPeopleRequest;
import org.laasuite.partnership.v1.ListRightsRequest;
import org.laasuite.partnership.v1.ListSignInLinksRequest;
import org.laasuite.partnership.v1.Meeting;
import org.laasuite.partnership.v1.PartnershipServiceGrpc;
import org.laasuite.partnership.v1.Person;
import org.laasuite.partnership.v1.Role;
import org.laasuite.partnership.v1.SignInLink;

/** The partnership service as bin/laa uses it: load a data set, print meetings, actions, plans. */
final class Partnership {

  private Partnership() {
  }

  /** import-partnership HOST:PORT FILE [--skip-if-loaded]. */
  static int importData(List<String> args) throws Exception {
    Path file = Path.of(args.get(1));
    if (!Calls.readable(file)) {
      return 1;
    }
    return Calls.with(args.get(0), channel -> {
      var client = PartnershipServiceGrpc.newBlockingStub(channel).withDeadlineAfter(120, TimeUnit.SECONDS);
      if (args.contains("--skip-if-loaded") && client.listBodies(ListBodiesRequest.newBuilder().setPageSize(1)
          .build()).getBodiesCount() > 0) {
        System.out.println("partnership: already loaded, import skipped");
        return 0;
      }
      var r = client.importPartnership(ImportPartnershipRequest.newBuilder().setFileName(file.getFileName()
          .toString()).setContent(ByteString.copyFrom(Files.readAllBytes(file))).build());
      Calls.printProblems(file, r.getProblemsList());
      System.out.printf("%s: %d organisations, %d people, %d bodies, %d memberships, %d meetings, %d actions, "
              + "%d improvement plans, %d risks %s%n", file.getFileName(), r.getOrganisations(), r.getPeople(),
          r.getBodies(), r.getMemberships(), r.getMeetings(), r.getActions(), r.getImprovementPlans(), r.getRisks(),
          r.getWritten() ? "loaded" : "NOT loaded");
      return r.getWritten() ? 0 : 1;
    });
  }

  /**
   * link-sign-ins HOST:PORT ISSUER: links every person of the partnership to the local issuer's subject
   * "people/{id}" (what bin/laa token mints), skipping those linked already, so that in local mode each demo
   * person signs in as themself and has the rights their memberships give.
   */
  static int linkSignIns(List<String> args) throws Exception {
    return Calls.with(args.get(0), channel -> {
      var client = PartnershipServiceGrpc.newBlockingStub(channel);
      Set<String> linked = new HashSet<>();
      String token = "";
      do {
        var page = client.withDeadlineAfter(30, TimeUnit.SECONDS).listSignInLinks(ListSignInLinksRequest.newBuilder()
            .setParent("people/-").setPageSize(500).setPageToken(token).build());
        page.getSignInLinksList().stream().filter(l -> l.getIssuer().equals(args.get(1)))
            .forEach(l -> linked.add(l.getSubject()));
        token = page.getNextPageToken();
      } while (!token.isEmpty());
      int made = 0;
      do {
        var page = client.withDeadlineAfter(30, TimeUnit.SECONDS).listPeople(ListPeopleRequest.newBuilder()
            .setPageSize(500).setPageToken(token).build());
        for (Person p : page.getPeopleList()) {
          if (linked.add(p.getName())) {
            client.withDeadlineAfter(30, TimeUnit.SECONDS).createSignInLink(CreateSignInLinkRequest.newBuilder()
                .setParent(p.getName()).setSignInLink(SignInLink.newBuilder().setIssuer(args.get(1))
                    .setSubject(p.getName())).build());
            made++;
          }
        }
        token = page.getNextPageToken();
      } while (!token.isEmpty());
      System.out.printf("sign-ins: %d people linked to the local issuer (%d already were)%n", made,
          linked.size() - made);
      return 0;
    });
  }

  /** rights HOST:PORT: who may do what, and why, person by person (those with no right left out). */
  static int rights(List<String> args) throws Exception {
    return Calls.with(args.get(0), channel -> {
      var client = PartnershipServiceGrpc.newBlockingStub(channel);
      String token = "";
      do {
        var page = client.withDeadlineAfter(30, TimeUnit.SECONDS).listRights(ListRightsRequest.newBuilder()
            .setPageSize(500).setPageToken(token).build());
        for (CallerRights person : page.getPeopleList()) {
          if (person.getRightsCount() > 0) {
            System.out.println(person.getDisplayName() + " (" + person.getPerson() + ")");
            person.getRightsList().forEach(r -> System.out.println("  " + Text.words(r.getPermission())
                + (r.getScope().isEmpty() ? "" : " for " + r.getScope()) + ": " + r.getReason()));
          }
        }
        token = page.getNextPageToken();
      } while (!token.isEmpty());
      return 0;
    });
  }

  /** meeting HOST:PORT ID: the meeting as minutes print it. */
  static int meeting(List<String> args) throws Exception {
    return Calls.with(args.get(0), channel -> {
      String name = args.get(1).startsWith("meetings/") ? args.get(1) : "meetings/" + args.get(1);
      Meeting m = PartnershipServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
          .getMeeting(GetMeetingRequest.newBuilder().setName(name).build());
      System.out.printf("%s, %04d-%02d-%02d %s%s%s%n", m.getBody(), m.getDate().getYear(), m.getDate().getMonth(),
          m.getDate().getDay(), m.getStartTime(), m.getEndTime().isEmpty() ? "" : "-" + m.getEndTime(),
          m.getPlace().isEmpty() ? "" : ", " + m.getPlace());
      for (AttendanceStatus s : List.of(AttendanceStatus.ATTENDANCE_STATUS_PRESENT, AttendanceStatus.ATTENDANCE_STATUS_IN_ATTENDANCE,
          AttendanceStatus.ATTENDANCE_STATUS_APOLOGIES, AttendanceStatus.ATTENDANCE_STATUS_ABSENT)) {
        List<Attendance> group = m.getAttendanceList().stream().filter(a -> a.getStatus() == s).toList();
        if (group.isEmpty()) {
          continue;
        }
        System.out.println(Text.words(s) + " (" + group.size() + "):");
        for (Attendance a : group) {
          System.out.printf("  %-28s %-10s %s%n", a.getPerson(), a.getRole() == Role.ROLE_UNSPECIFIED ? ""
              : Text.words(a.getRole()), a.getAffiliation());
        }
      }
      for (AgendaItem i : m.getItemsList()) {
        System.out.println(i.getNumber() + ". " + i.getTitle());
        m.getActionsList().stream().filter(a -> a.getItem() == i.getNumber())
            .forEach(a -> System.out.println("   Action (" + a.getOwner() + "): " + Text.clip(a.getText(), 110)));
      }
      if (m.getMattersArisingCount() > 0) {
        System.out.println("Matters arising: " + m.getMattersArisingCount() + " open actions from earlier meetings");
      }
      return 0;
    });
  }

  /** actions HOST:PORT OWNER: open actions of a person ("people/x") or body ("bodies/x"). */
  static int actions(List<String> args) throws Exception {
    return Calls.with(args.get(0), channel -> {
      var r = PartnershipServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
          .listActions(ListActionsRequest.newBuilder().setOwner(args.get(1)).setStatus(ActionStatus.ACTION_STATUS_OPEN)
              .setPageSize(500).build());
      for (Action a : r.getActionsList()) {
        System.out.println(a.getName() + "  " + a.getMeeting() + " item " + a.getItem() + ": " + Text.clip(a.getText(), 100)
            + (a.getDueText().isEmpty() ? "" : " (" + a.getDueText() + ")")
            + (a.getIndicatorsCount() == 0 ? "" : " [on " + String.join(", ", a.getIndicatorsList()) + "]"));
      }
      System.out.println(r.getActionsCount() + " open actions held by " + args.get(1));
      return 0;
    });
  }

  /** plan HOST:PORT: the improvement plans, area by area. */
  static int plans(List<String> args) throws Exception {
    return Calls.with(args.get(0), channel -> {
      var r = PartnershipServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
          .listImprovementPlans(ListImprovementPlansRequest.getDefaultInstance());
      for (var plan : r.getImprovementPlansList()) {
        System.out.println(plan.getTitle() + " (" + plan.getDateText() + ")");
        for (ImprovementArea area : plan.getAreasList()) {
          System.out.println("  " + area.getRef() + "  " + Text.clip(area.getTitle(), 100));
          for (ImprovementItem item : area.getItemsList()) {
            System.out.printf("    %-4s %-60s %s%n", item.getRef(), Text.clip(item.getImprovement(), 60),
                item.getTimescale());
          }
        }
      }
      if (r.getImprovementPlansCount() == 0) {
        System.out.println("no improvement plans");
      }
      return 0;
    });
  }
}
