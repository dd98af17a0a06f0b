package org.laasuite.testkit;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates a JSON document against one of the open-data standards' schemas kept in the repository's
 * {@code standards/} (360Giving, Popolo, OParl: copies of the published schemas, with their sources and licences in
 * its README), offline: every {@code $ref} resolves to the local copies, never to the network.
 * A schema is named by its path under that folder: {@code "360giving/360-giving-package-schema.json"},
 * {@code "popolo/person.json"}, {@code "oparl/Meeting.json"}.
 *
 * <p>What the copies need to be usable (their README says so): the 360Giving package refers to the grant schema
 * by a published URL of another release (1.4.2), mapped to the local grant schema; Popolo's schemas are JSON Schema
 * draft 3, upgraded here mechanically to draft 4 ({@code required: true} on a property becomes its object's
 * {@code required} list); OParl's schemas name no dialect and are read as draft 4. Popolo refers to schemas it does
 * not ship (motion, speech, vote): those are read as "any object", as nothing the suite publishes uses them.
 */
public final class OpenDataSchemas {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String POPOLO = "http://www.popoloproject.com/schemas/";
  private static final String GRANT_URL =
      "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json";
  private static final String LOCAL = "https://standards.laasuite.invalid/";

  // Formats are assertions here: 360Giving's dates say "a date-time, or else this pattern" with oneOf, which only
  // works if "format" is checked (in draft 2020-12 it is otherwise an annotation).
  private static final SchemaRegistryConfig FORMATS = SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
      .build();
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
  private static SchemaRegistry registry;

  private OpenDataSchemas() {
  }

  /** The folder of the standards: {@code laa.standards} if set, else the repository's {@code standards/}. */
  public static Path folder() {
    String set = System.getProperty("laa.standards");
    if (set != null) {
      return Path.of(set);
    }
    // Tests run in their module's folder; the repository is its parent.
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      Path candidate = p.resolve("standards");
      if (Files.isDirectory(candidate.resolve("360giving"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("no standards/ in the repository above " + here + " (set -Dlaa.standards)");
  }

  /** Every problem of {@code json} against the schema {@code name}: empty when it is valid. */
  public static List<String> problems(String name, String json) {
    Schema schema = SCHEMAS.computeIfAbsent(name, n -> registry().getSchema(SchemaLocation.of(LOCAL + n)));
    List<Error> errors = schema.validate(json, InputFormat.JSON,
        context -> context.executionConfig(c -> c.formatAssertionsEnabled(true)));
    return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
  }

  /** Fails, naming every problem, unless {@code json} is valid against the schema {@code name}. */
  public static void assertValid(String name, String json) {
    List<String> problems = problems(name, json);
    if (!problems.isEmpty()) {
      throw new AssertionError("not valid against " + name + ": " + problems + "\n" + abbreviated(json));
    }
  }

  private static String abbreviated(String json) {
    return json.length() > 2000 ? json.substring(0, 2000) + "…" : json;
  }

  private static synchronized SchemaRegistry registry() {
    if (registry == null) {
      Map<String, String> texts = new HashMap<>();
      Path folder = folder();
      for (String standard : List.of("360giving", "popolo", "oparl")) {
        try (Stream<Path> files = Files.list(folder.resolve(standard))) {
          for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
            String name = standard + "/" + file.getFileName();
            String text = Files.readString(file);
            if (standard.equals("popolo")) {
              text = draft4(text);
              texts.put(POPOLO + file.getFileName(), text);
            } else if (standard.equals("oparl")) {
              text = withDialect(text, "http://json-schema.org/draft-04/schema#");
            }
            texts.put(LOCAL + name, text);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      texts.put(GRANT_URL, texts.get(LOCAL + "360giving/360-giving-schema.json"));
      texts.put(JSON.readTree(texts.get(GRANT_URL)).path("$id").asString(), texts.get(GRANT_URL));
      for (String missing : List.of("motion.json", "speech.json", "vote.json")) {
        texts.putIfAbsent(POPOLO + missing, "{\"$schema\": \"http://json-schema.org/draft-04/schema#\", \"type\": \"object\"}");
      }
      registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
          builder -> builder.schemaRegistryConfig(FORMATS).schemas(iri -> texts.get(iri.endsWith("#") ? iri.substring(0, iri.length() - 1) : iri)));
    }
    return registry;
  }

  private static String withDialect(String text, String dialect) {
    ObjectNode root = (ObjectNode) JSON.readTree(text);
    if (!root.has("$schema")) {
      root.put("$schema", dialect);
    }
    return JSON.writeValueAsString(root);
  }

  /** Draft 3 to draft 4: the dialect, and {@code required: true} moved to the enclosing object's list. */
  static String draft4(String text) {
    ObjectNode root = (ObjectNode) JSON.readTree(text);
    root.put("$schema", "http://json-schema.org/draft-04/schema#");
    upgrade(root);
    return JSON.writeValueAsString(root);
  }

  private static void upgrade(JsonNode node) {
    if (node instanceof ObjectNode object) {
      if (object.get("properties") instanceof ObjectNode properties) {
        ArrayNode required = JSON.createArrayNode();
        for (var entry : properties.properties()) {
          if (entry.getValue() instanceof ObjectNode property && property.has("required")
              && property.get("required").isBoolean()) {
            if (property.get("required").asBoolean()) {
              required.add(entry.getKey());
            }
            property.remove("required");
          }
        }
        if (!required.isEmpty()) {
          object.set("required", required);
        }
      }
      for (var entry : object.properties()) {
        upgrade(entry.getValue());
      }
    } else if (node instanceof ArrayNode array) {
      for (JsonNode item : array) {
        upgrade(item);
      }
    }
  }
}
