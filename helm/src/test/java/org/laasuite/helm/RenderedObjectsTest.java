package org.laasuite.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The objects the chart renders for each scenario (the chart's own defaults, and each ci/*-values.yaml) are the
 * ones recorded in src/test/resources/rendered/: a change to the templates that changes what is deployed shows
 * up here, object by object and field by field. The records are normalised (objects sorted by kind and name, keys
 * sorted), so template layout, key order and whitespace do not matter.
 *
 * <p>After a deliberate change to the output, rewrite the records with {@code -Dlaa.helm.rewriteRendered=true}
 * and say in the commit why they changed.
 */
class RenderedObjectsTest {

  static final Path RENDERED = Path.of("src/test/resources/rendered");
  static final String CHART_DEFAULTS = "chart-defaults";

  /** The chart's own values.yaml alone, then each ci/ scenario over it. */
  static Stream<String> scenarios() throws Exception {
    return Stream.concat(Stream.of(CHART_DEFAULTS),
        ChartTest.scenarios().map(p -> p.getFileName().toString().replaceAll("\\.yaml$", "")));
  }

  static String helmTemplate(String scenario) {
    var template = new Helm(ChartTest.CHART).template().withName("laa").withNamespace("coventry");
    if (!scenario.equals(CHART_DEFAULTS)) {
      template.withValuesFile(ChartTest.CHART.resolve("ci").resolve(scenario + ".yaml"));
    }
    return template.call();
  }

  /** The rendered objects keyed "Kind/name", sorted, each with its keys sorted at every level. */
  static Map<String, Object> objects(String yamlStream) {
    Map<String, Object> objects = new TreeMap<>();
    for (Object doc : new Yaml().loadAll(yamlStream)) {
      if (doc == null) {
        continue;
      }
      @SuppressWarnings("unchecked")
      var object = (Map<String, Object>) doc;
      @SuppressWarnings("unchecked")
      var metadata = (Map<String, Object>) object.get("metadata");
      String id = object.get("kind") + "/" + metadata.get("name");
      assertTrue(objects.put(id, sorted(object)) == null, "rendered twice: " + id);
    }
    return objects;
  }

  static Object sorted(Object o) {
    if (o instanceof Map<?, ?> m) {
      Map<String, Object> s = new TreeMap<>();
      m.forEach((k, v) -> s.put(String.valueOf(k), sorted(v)));
      return s;
    }
    if (o instanceof List<?> l) {
      return l.stream().map(RenderedObjectsTest::sorted).toList();
    }
    return o;
  }

  static String dump(String scenario, Map<String, Object> objects) {
    var options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setWidth(1000);
    var yaml = new Yaml(options);
    var out = new StringBuilder("# The objects `helm template laa` renders in namespace coventry for " + (scenario.equals(
        CHART_DEFAULTS) ? "the chart's values.yaml alone" : "ci/" + scenario + ".yaml")
        + ", sorted by kind and name.\n# Checked by RenderedObjectsTest; rewritten with -Dlaa.helm.rewriteRendered=true.\n");
    objects.values().forEach(o -> out.append("---\n").append(yaml.dump(o)));
    return out.toString();
  }

  /** Where two parsed YAML trees differ, one line per differing leaf: "path: recorded X, rendered Y". */
  static void diff(String path, Object recorded, Object rendered, List<String> lines) {
    if (recorded instanceof Map<?, ?> a && rendered instanceof Map<?, ?> b) {
      Set<Object> keys = new TreeSet<>(Comparator.comparing(String::valueOf));
      keys.addAll(a.keySet());
      keys.addAll(b.keySet());
      for (Object k : keys) {
        diff(path + "." + k, a.get(k), b.get(k), lines);
      }
    } else if (recorded instanceof List<?> a && rendered instanceof List<?> b) {
      for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
        diff(path + "[" + i + "]", i < a.size() ? a.get(i) : null, i < b.size() ? b.get(i) : null, lines);
      }
    } else if (!Objects.equals(recorded, rendered)) {
      lines.add(path + ": recorded " + show(recorded) + ", rendered " + show(rendered));
    }
  }

  static String show(Object o) {
    return o == null ? "(absent)" : o instanceof String s ? "\"" + s + "\"" : String.valueOf(o);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void theChartRendersTheRecordedObjects(String scenario) throws Exception {
    Map<String, Object> rendered = objects(helmTemplate(scenario));
    Path file = RENDERED.resolve(scenario + ".yaml");
    if (Boolean.getBoolean("laa.helm.rewriteRendered")) {
      Files.createDirectories(RENDERED);
      Files.writeString(file, dump(scenario, rendered));
    }
    assertTrue(Files.exists(file), file + " records what " + scenario + " renders (-Dlaa.helm.rewriteRendered=true)");
    Map<String, Object> recorded = objects(Files.readString(file));
    List<String> lines = new ArrayList<>();
    Map<String, Object> all = new LinkedHashMap<>(recorded);
    rendered.forEach(all::putIfAbsent);
    for (String id : new TreeSet<>(all.keySet())) {
      if (!rendered.containsKey(id)) {
        lines.add(id + ": recorded, no longer rendered");
      } else if (!recorded.containsKey(id)) {
        lines.add(id + ": rendered, not recorded");
      } else {
        diff(id, recorded.get(id), rendered.get(id), lines);
      }
    }
    assertEquals("", String.join("\n", lines), scenario + ": the rendered objects differ from " + file);
  }
}
