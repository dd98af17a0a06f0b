package org.laasuite.common.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.FieldBehavior;
import com.google.api.ResourceDescriptor;
import com.google.api.ResourceProto;
import com.google.api.ResourceReference;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.google.type.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.laasuite.funding.v1.CreateCommitmentRequest;
import org.laasuite.funding.v1.FundingProto;
import org.laasuite.funding.v1.FundingServiceProto;
import org.laasuite.indicators.v1.CreateIndicatorRequest;
import org.laasuite.indicators.v1.GeographyProto;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.indicators.v1.IndicatorProto;
import org.laasuite.indicators.v1.IndicatorServiceProto;
import org.laasuite.indicators.v1.JudgementProto;
import org.laasuite.indicators.v1.MeasurementProto;
import org.laasuite.indicators.v1.Polarity;
import org.laasuite.indicators.v1.UpdateIndicatorRequest;
import org.laasuite.partnership.v1.Action;
import org.laasuite.partnership.v1.Attendance;
import org.laasuite.partnership.v1.AttendanceStatus;
import org.laasuite.partnership.v1.CreateMeetingRequest;
import org.laasuite.partnership.v1.Meeting;
import org.laasuite.partnership.v1.PartnershipProto;
import org.laasuite.partnership.v1.PartnershipServiceProto;
import org.laasuite.reporting.v1.ReportingProto;
import org.laasuite.reporting.v1.ReportingServiceProto;
import org.laasuite.type.v1.LaaBlock;
import org.laasuite.type.v1.LaaBlockProto;

class FieldBehaviorsTest {

  private static List<String> missing(Message m, String prefix) {
    Violations v = new Violations();
    FieldBehaviors.checkRequired(m, prefix, v);
    v.list().forEach(fv -> assertEquals("is required", fv.getDescription()));
    return v.list().stream().map(fv -> fv.getField()).toList();
  }

  @Test
  void aCreateWithoutItsResourceNamesTheResource() {
    assertEquals(List.of("indicator"), missing(CreateIndicatorRequest.getDefaultInstance(), ""));
  }

  @Test
  void anEmptyResourceListsExactlyTheAnnotatedFields() {
    var request = CreateIndicatorRequest.newBuilder().setIndicator(Indicator.newBuilder().setUnits("%")).build();
    assertEquals(List.of("indicator.id", "indicator.title", "indicator.block", "indicator.polarity"),
        missing(request, ""));
  }

  @Test
  void thePrefixNamesTheMessageWithOrWithoutItsDot() {
    var indicator = Indicator.newBuilder().setId("CYP-28").setTitle("   ").setBlock(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE)
        .build();
    assertEquals(List.of("indicator.title", "indicator.polarity"), missing(indicator, "indicator"));
    assertEquals(List.of("indicator.title", "indicator.polarity"), missing(indicator, "indicator."));
    assertEquals(List.of("title", "polarity"), missing(indicator, ""));
  }

  @Test
  void aCompleteResourceHasNothingMissing() {
    var indicator = Indicator.newBuilder().setId("CYP-28").setTitle("NEET 16-18")
        .setBlock(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE).setPolarity(Polarity.POLARITY_LOWER_IS_BETTER).build();
    assertEquals(List.of(), missing(CreateIndicatorRequest.newBuilder().setIndicator(indicator).build(), ""));
    assertEquals(List.of("update_mask"), missing(UpdateIndicatorRequest.newBuilder().setIndicator(indicator).build(), ""));
  }

  @Test
  void anUpdateNeedsItsResourceAndMaskButOnlyTheFieldsTheMaskNames() {
    var title = Indicator.newBuilder().setName("indicators/CYP-28").setTitle("NEET 16-18").build();
    var request = UpdateIndicatorRequest.newBuilder().setIndicator(title)
        .setUpdateMask(com.google.protobuf.FieldMask.newBuilder().addPaths("title")).build();
    assertEquals(List.of(), missing(request, ""), "code, block and polarity are not in the mask");
    assertEquals(List.of("indicator"), missing(request.toBuilder().clearIndicator().build(), ""));
  }

  @Test
  void repeatedMessagesAreCheckedElementByElement() {
    var meeting = Meeting.newBuilder().setId("board-2007-08-22").setBody("bodies/board")
        .addAttendance(Attendance.newBuilder().setPerson("people/a").setStatus(AttendanceStatus.ATTENDANCE_STATUS_PRESENT))
        .addAttendance(Attendance.newBuilder().setStatus(AttendanceStatus.ATTENDANCE_STATUS_APOLOGIES))
        .addActions(Action.newBuilder().setItem(1).setText("Report back"))
        .build();
    assertEquals(List.of("meeting.date", "meeting.attendance[1].person", "meeting.actions[0].owner"),
        missing(CreateMeetingRequest.newBuilder().setMeeting(meeting).build(), ""));
  }

  @Test
  void anEmptyRepeatedRequiredFieldIsMissing() {
    var request = CreateCommitmentRequest.newBuilder().setCommitment(org.laasuite.funding.v1.Commitment.newBuilder()
        .setId("c").setTitle("t").setProgramme("NRF").setKind(org.laasuite.funding.v1.CommitmentKind.COMMITMENT_KIND_POST)
        .addAmounts(org.laasuite.funding.v1.YearAmount.getDefaultInstance())).build();
    assertEquals(List.of("commitment.amounts[0].financial_year", "commitment.amounts[0].amount"), missing(request, ""));
    assertEquals(List.of("requests"),
        missing(org.laasuite.indicators.v1.BatchCreateNarrativesRequest.getDefaultInstance(), ""));
  }

  @Test
  void outputOnlyFieldsAClientSetAreListed() {
    var indicator = Indicator.newBuilder().setName("indicators/CYP-28").setId("CYP-28")
        .setCreateTime(Timestamp.newBuilder().setSeconds(1)).build();
    assertEquals(List.of("name", "create_time"), FieldBehaviors.outputOnly(indicator));
    assertEquals(List.of("indicator.name", "indicator.create_time"),
        FieldBehaviors.outputOnly(CreateIndicatorRequest.newBuilder().setIndicator(indicator).build()));
    var meeting = Meeting.newBuilder().setId("m").setDate(Date.newBuilder().setYear(2007).setMonth(8).setDay(22))
        .addActions(Action.newBuilder().setText("x")).addActions(Action.newBuilder().setBody("bodies/b"))
        .setQuorate(true).build();
    assertEquals(List.of("quorate", "actions[1].body"), FieldBehaviors.outputOnly(meeting));
    assertEquals(List.of("meeting.quorate", "meeting.actions[1].body"), FieldBehaviors.outputOnly(meeting, "meeting"));
  }

  // ---- the suite's protos, all of them: future protos cannot leave these out ----

  /** Every file of the suite, with the files it imports from the suite. */
  static List<FileDescriptor> suiteFiles() {
    Set<FileDescriptor> files = new LinkedHashSet<>();
    List<FileDescriptor> todo = new ArrayList<>(List.of(LaaBlockProto.getDescriptor(), GeographyProto.getDescriptor(),
        IndicatorProto.getDescriptor(), MeasurementProto.getDescriptor(), JudgementProto.getDescriptor(),
        IndicatorServiceProto.getDescriptor(), FundingProto.getDescriptor(), FundingServiceProto.getDescriptor(),
        PartnershipProto.getDescriptor(), PartnershipServiceProto.getDescriptor(), ReportingProto.getDescriptor(),
        ReportingServiceProto.getDescriptor()));
    while (!todo.isEmpty()) {
      FileDescriptor f = todo.removeLast();
      if (f.getPackage().startsWith("laa.") && files.add(f)) {
        todo.addAll(f.getDependencies());
      }
    }
    return List.copyOf(files);
  }

  static List<Descriptor> suiteMessages() {
    List<Descriptor> out = new ArrayList<>();
    for (FileDescriptor f : suiteFiles()) {
      List<Descriptor> todo = new ArrayList<>(f.getMessageTypes());
      while (!todo.isEmpty()) {
        Descriptor d = todo.removeFirst();
        out.add(d);
        todo.addAll(d.getNestedTypes());
      }
    }
    return out;
  }

  /**
   * The suite's resources: messages with a string `name` that a method returns or a List method
   * lists (AIP-121/131/132), or that already declare themselves resources.
   */
  static Set<Descriptor> resources() {
    Set<Descriptor> served = new LinkedHashSet<>();
    for (FileDescriptor f : suiteFiles()) {
      for (ServiceDescriptor s : f.getServices()) {
        for (MethodDescriptor m : s.getMethods()) {
          served.add(m.getOutputType());
          if (m.getName().startsWith("List")) {
            m.getOutputType().getFields().stream().filter(x -> x.isRepeated()
                && x.getJavaType() == FieldDescriptor.JavaType.MESSAGE).forEach(x -> served.add(x.getMessageType()));
          }
        }
      }
    }
    Set<Descriptor> out = new LinkedHashSet<>();
    for (Descriptor d : suiteMessages()) {
      FieldDescriptor name = d.findFieldByName("name");
      boolean named = name != null && !name.isRepeated() && name.getJavaType() == FieldDescriptor.JavaType.STRING;
      if (named && served.contains(d) || d.getOptions().hasExtension(ResourceProto.resource)) {
        out.add(d);
      }
    }
    return out;
  }

  /** "laa.indicators.v1" -> "indicators.laasuite.org": the ErrorInfo domain of the package's service. */
  static String domain(Descriptor d) {
    return d.getFile().getPackage().split("\\.")[1] + ".laasuite.org";
  }

  @Test
  void everyResourceDeclaresItsTypeAndPattern() {
    Set<Descriptor> resources = resources();
    assertTrue(resources.size() >= 21, "found only " + resources.size() + " resources: " + resources);
    List<String> problems = new ArrayList<>();
    for (Descriptor d : resources) {
      if (!d.getOptions().hasExtension(ResourceProto.resource)) {
        problems.add(d.getFullName() + " has no google.api.resource option");
        continue;
      }
      ResourceDescriptor r = d.getOptions().getExtension(ResourceProto.resource);
      if (!r.getType().equals(domain(d) + "/" + d.getName())) {
        problems.add(d.getFullName() + " has type '" + r.getType() + "', not '" + domain(d) + "/" + d.getName() + "'");
      }
      if (r.getPatternCount() == 0 || r.getPatternList().stream().anyMatch(p -> !p.matches("[a-zA-Z]+/\\{[a-z_]+\\}(/[a-zA-Z]+/\\{[a-z_]+\\})*"))) {
        problems.add(d.getFullName() + " has patterns " + r.getPatternList() + ", not '{collection}/{id}'...");
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void everyResourceSaysHowItsNameAndTimesBehave() {
    List<String> problems = new ArrayList<>();
    for (Descriptor d : resources()) {
      for (String field : List.of("name", "create_time", "update_time")) {
        FieldDescriptor f = d.findFieldByName(field);
        if (f != null && FieldBehaviors.behaviors(f).isEmpty()) {
          problems.add(f.getFullName() + " has no google.api.field_behavior");
        }
      }
      for (FieldDescriptor f : d.getFields()) {
        boolean timestamp = f.getJavaType() == FieldDescriptor.JavaType.MESSAGE
            && f.getMessageType().getFullName().equals("google.protobuf.Timestamp");
        if (timestamp && f.getName().endsWith("_time") && !FieldBehaviors.has(f, FieldBehavior.OUTPUT_ONLY)) {
          problems.add(f.getFullName() + " is a timestamp the server keeps but not OUTPUT_ONLY");
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void requestNamesAndParentsAreRequiredReferencesToKnownResources() {
    Map<String, Descriptor> types = new LinkedHashMap<>();
    resources().forEach(d -> types.put(d.getOptions().getExtension(ResourceProto.resource).getType(), d));
    List<String> problems = new ArrayList<>();
    for (Descriptor d : suiteMessages()) {
      for (FieldDescriptor f : d.getFields()) {
        ResourceReference ref = f.getOptions().getExtension(ResourceProto.resourceReference);
        String type = ref.getType().isEmpty() ? ref.getChildType() : ref.getType();
        if (!type.isEmpty() && !type.equals("*") && !types.containsKey(type)) {
          problems.add(f.getFullName() + " refers to " + type + ", which no message of the suite declares");
        }
        if (!type.isEmpty() && f.getJavaType() != FieldDescriptor.JavaType.STRING) {
          problems.add(f.getFullName() + " is a reference but not a string");
        }
        boolean request = d.getName().endsWith("Request");
        boolean key = f.getName().equals("name") && d.getName().matches("(Get|Delete|Update).*Request")
            || f.getName().equals("parent") && d.getName().matches("(Create|List).*Request");
        if (request && key && (!FieldBehaviors.has(f, FieldBehavior.REQUIRED) || type.isEmpty())) {
          problems.add(f.getFullName() + " should be REQUIRED and carry a resource_reference");
        }
        if (request && f.getName().equals("update_mask") && !FieldBehaviors.has(f, FieldBehavior.REQUIRED)) {
          problems.add(f.getFullName() + " should be REQUIRED");
        }
      }
    }
    assertEquals(List.of(), problems);
  }
}
