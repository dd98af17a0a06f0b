package org.laasuite.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenDataSchemasTest {

  private static final String GRANT = """
      {"id": "360G-laa-coventry-1", "title": "Grant", "description": "A grant", "currency": "GBP",
       "amountAwarded": 1000, "awardDate": "2007-03-20",
       "recipientOrganization": [{"id": "GB-CHC-1000000", "name": "A charity"}],
       "fundingOrganization": [{"id": "XI-LAA-coventry", "name": "Coventry Partnership"}]}""";

  @Test
  void aGrantPackageWithItsGrantsValidatesThroughTheLocalGrantSchema() {
    assertEquals(List.of(), OpenDataSchemas.problems("360giving/360-giving-package-schema.json",
        "{\"grants\": [" + GRANT + "], \"license\": \"https://example.org/licence\"}"));
  }

  @Test
  void aGrantWithoutItsAmountIsRefusedInsideThePackage() {
    // The grant schema is reached through the package's $ref: its rules apply, so the $ref resolved offline.
    String withoutAmount = GRANT.replace("\"amountAwarded\": 1000,", "");
    List<String> problems = OpenDataSchemas.problems("360giving/360-giving-package-schema.json",
        "{\"grants\": [" + withoutAmount + "]}");
    assertFalse(problems.isEmpty());
    assertTrue(problems.toString().contains("amountAwarded"), problems.toString());
  }

  @Test
  void aGrantWithATextAmountIsRefused() {
    assertFalse(OpenDataSchemas.problems("360giving/360-giving-schema.json",
        GRANT.replace("\"amountAwarded\": 1000", "\"amountAwarded\": \"NYQ\"")).isEmpty());
  }

  @Test
  void aPopoloPersonWithIdentifiersValidates() {
    OpenDataSchemas.assertValid("popolo/person.json", """
        {"id": "people/june-morley", "name": "June Morley",
         "identifiers": [{"identifier": "june-morley", "scheme": "laa"}]}""");
  }

  @Test
  void draftThreeRequiredPropertiesAreKeptAsDraftFourRequiredLists() {
    // identifier.json says "identifier": {"required": true} in draft 3; the upgrade must keep that rule.
    List<String> problems = OpenDataSchemas.problems("popolo/person.json", """
        {"id": "people/x", "name": "X", "identifiers": [{"scheme": "laa"}]}""");
    assertTrue(problems.toString().contains("identifier"), problems.toString());
  }

  @Test
  void aPopoloOrganizationWithAParentReferenceValidatesAndAWrongTypeDoesNot() {
    OpenDataSchemas.assertValid("popolo/organization.json", """
        {"id": "bodies/x", "name": "X", "classification": "theme group", "parent_id": "bodies/y"}""");
    assertFalse(OpenDataSchemas.problems("popolo/organization.json", "{\"id\": \"x\", \"name\": 7}").isEmpty());
  }

  @Test
  void aPopoloMembershipReachesTheSchemasItRefersTo() {
    assertFalse(OpenDataSchemas.problems("popolo/membership.json",
        "{\"id\": \"m\", \"person\": {\"name\": 3}}").isEmpty());
  }

  @Test
  void anOparlSystemValidatesAndOneWithoutItsVersionDoesNot() {
    String system = """
        {"id": "https://example.org/oparl/v1/system", "type": "https://schema.oparl.org/1.1/System",
         "oparlVersion": "https://schema.oparl.org/1.1/", "body": "https://example.org/oparl/v1/bodies"}""";
    OpenDataSchemas.assertValid("oparl/System.json", system);
    List<String> problems = OpenDataSchemas.problems("oparl/System.json",
        system.replace("\"oparlVersion\": \"https://schema.oparl.org/1.1/\",", ""));
    assertTrue(problems.toString().contains("oparlVersion"), problems.toString());
  }

  @Test
  void anOparlAgendaItemNeedsItsOrderAsANumber() {
    OpenDataSchemas.assertValid("oparl/AgendaItem.json", """
        {"id": "https://example.org/a/1", "type": "https://schema.oparl.org/1.1/AgendaItem", "order": 1}""");
    assertFalse(OpenDataSchemas.problems("oparl/AgendaItem.json", """
        {"id": "https://example.org/a/1", "type": "https://schema.oparl.org/1.1/AgendaItem", "order": "1"}""")
        .isEmpty());
  }

  @Test
  void assertValidNamesTheProblem() {
    AssertionError e = assertThrows(AssertionError.class,
        () -> OpenDataSchemas.assertValid("oparl/AgendaItem.json", "{\"id\": \"x\"}"));
    assertTrue(e.getMessage().contains("order"), e.getMessage());
  }
}
