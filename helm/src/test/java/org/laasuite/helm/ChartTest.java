package org.laasuite.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The chart lints strictly, and every ci/*-values.yaml scenario renders objects Kubernetes would accept. */
class ChartTest {

  static final Path CHART = Path.of("laa-suite");
  static final KubernetesSerialization K8S = new KubernetesSerialization();
  static final List<String> COMPONENTS = List.of("indicators-service", "funding-service", "partnership-service");

  static Stream<Path> scenarios() throws Exception {
    try (var files = Files.list(CHART.resolve("ci"))) {
      return files.filter(p -> p.toString().endsWith("-values.yaml")).sorted().toList().stream();
    }
  }

  static List<HasMetadata> render(Path values) {
    String yaml = new Helm(CHART).template().withName("laa").withNamespace("coventry").withValuesFile(values).call();
    List<HasMetadata> objects = new ArrayList<>();
    for (String doc : yaml.split("(?m)^---\\s*$")) {
      if (doc.lines().anyMatch(l -> l.startsWith("kind:"))) {
        objects.add(K8S.unmarshal(doc));
      }
    }
    return objects;
  }

  static <T> List<T> of(List<HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void theChartLintsStrictly() {
    var result = new Helm(CHART).lint().strict().call();
    assertFalse(result.isFailed(), String.join("\n", result.getMessages()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void everyManifestIsAKnownKubernetesObjectWithNoMisspeltField(Path values) {
    List<HasMetadata> objects = render(values);
    assertFalse(objects.isEmpty());
    for (HasMetadata o : objects) {
      if (o instanceof GenericKubernetesResource g) {
        assertEquals("monitoring.coreos.com/v1", g.getApiVersion(), "only the ServiceMonitor CRD is untyped");
        continue;
      }
      List<String> unknown = new ArrayList<>();
      walk(o, o.getKind() + "/" + o.getMetadata().getName(), unknown, new IdentityHashMap<>());
      assertEquals(List.of(), unknown, "fields Kubernetes does not know");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void podsAreProbedLabelledLimitedAndLockedDown(Path values) {
    List<HasMetadata> objects = render(values);
    List<Deployment> deployments = of(objects, Deployment.class);
    assertFalse(deployments.isEmpty());
    for (Deployment d : deployments) {
      var pod = d.getSpec().getTemplate();
      String component = pod.getMetadata().getLabels().get("app.kubernetes.io/component");
      for (String label : List.of("app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/version",
          "app.kubernetes.io/managed-by", "app.kubernetes.io/part-of", "helm.sh/chart")) {
        assertNotNull(d.getMetadata().getLabels().get(label), d.getMetadata().getName() + " lacks " + label);
      }
      Map<String, String> selector = d.getSpec().getSelector().getMatchLabels();
      assertTrue(pod.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()),
          "the selector matches the pods");
      assertEquals(false, pod.getSpec().getAutomountServiceAccountToken());
      assertEquals(true, pod.getSpec().getSecurityContext().getRunAsNonRoot());
      assertEquals("RuntimeDefault", pod.getSpec().getSecurityContext().getSeccompProfile().getType());
      Container c = pod.getSpec().getContainers().getFirst();
      assertEquals(true, c.getSecurityContext().getReadOnlyRootFilesystem());
      assertEquals(false, c.getSecurityContext().getAllowPrivilegeEscalation());
      assertEquals(List.of("ALL"), c.getSecurityContext().getCapabilities().getDrop());
      assertNotNull(c.getResources().getRequests().get("cpu"));
      assertNotNull(c.getResources().getRequests().get("memory"));
      int grpc = c.getPorts().stream().filter(p -> p.getName().equals("grpc")).findFirst().orElseThrow()
          .getContainerPort();
      assertEquals(grpc, c.getReadinessProbe().getGrpc().getPort());
      assertEquals("", c.getReadinessProbe().getGrpc().getService(), "readiness asks the server (database-aware)");
      assertEquals(grpc, c.getLivenessProbe().getGrpc().getPort());
      assertEquals("liveness", c.getLivenessProbe().getGrpc().getService());
      long preStop = c.getLifecycle().getPreStop().getSleep().getSeconds();
      assertTrue(pod.getSpec().getTerminationGracePeriodSeconds() > preStop, "grace outlasts the preStop pause");
      assertTrue(c.getEnv().stream().anyMatch(e -> e.getName().endsWith("_DB_PASSWORD")
          && e.getValueFrom().getSecretKeyRef() != null), component + " reads its password from a Secret");

      Service s = of(objects, Service.class).stream().filter(x -> x.getMetadata().getName()
          .equals(d.getMetadata().getName())).findFirst().orElseThrow();
      assertTrue(pod.getMetadata().getLabels().entrySet().containsAll(s.getSpec().getSelector().entrySet()),
          "the Service selects its pods");
      for (NetworkPolicy np : of(objects, NetworkPolicy.class)) {
        if (np.getMetadata().getName().equals(d.getMetadata().getName())) {
          assertTrue(pod.getMetadata().getLabels().entrySet().containsAll(
              np.getSpec().getPodSelector().getMatchLabels().entrySet()), "the NetworkPolicy guards its pods");
          var from = np.getSpec().getIngress().getFirst().getFrom().getFirst().getPodSelector().getMatchLabels();
          assertEquals("reporting-gateway", from.get("app.kubernetes.io/component"), "only the gateway may call");
        }
      }
    }
  }

  @Test
  void aDisruptionBudgetOnlyWhenMoreThanOnePodRuns() {
    List<HasMetadata> trial = render(CHART.resolve("ci/default-values.yaml"));
    assertEquals(List.of(), of(trial, PodDisruptionBudget.class));
    assertEquals(List.of(), of(trial, HorizontalPodAutoscaler.class));
    List<HasMetadata> production = render(CHART.resolve("ci/autoscaling-values.yaml"));
    assertEquals(Set.of("laa-laa-suite-indicators-service", "laa-laa-suite-funding-service",
        "laa-laa-suite-partnership-service"), Set.copyOf(of(production, PodDisruptionBudget.class).stream()
        .map(p -> p.getMetadata().getName()).toList()));
    assertEquals(2, of(production, HorizontalPodAutoscaler.class).size());
    assertEquals(3, production.stream().filter(o -> o.getKind().equals("ServiceMonitor")).count());
  }

  @Test
  void existingSecretsAreUsedAndNoneCreated() {
    List<HasMetadata> objects = render(CHART.resolve("ci/external-secret-values.yaml"));
    assertEquals(List.of(), of(objects, Secret.class));
    Deployment indicators = of(objects, Deployment.class).stream()
        .filter(d -> d.getMetadata().getName().endsWith("indicators-service")).findFirst().orElseThrow();
    var env = indicators.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv();
    var password = env.stream().filter(e -> e.getName().equals("INDICATORS_DB_PASSWORD")).findFirst().orElseThrow();
    assertEquals("vault-indicators", password.getValueFrom().getSecretKeyRef().getName());
    assertEquals("pass", password.getValueFrom().getSecretKeyRef().getKey());
    assertTrue(of(objects, Deployment.class).stream().noneMatch(d -> d.getMetadata().getName()
        .endsWith("partnership-service")), "a disabled service renders nothing");
  }

  @Test
  void aTrialCreatesItsSecretsAndPointsEachServiceAtItsDatabase() {
    List<HasMetadata> objects = render(CHART.resolve("ci/default-values.yaml"));
    assertEquals(3, of(objects, Secret.class).size());
    var config = objects.stream().filter(o -> o.getKind().equals("ConfigMap")
        && o.getMetadata().getName().endsWith("funding-service")).findFirst().orElseThrow();
    assertEquals("jdbc:postgresql://postgres.database.svc.cluster.local:5432/funding?sslmode=prefer",
        ((io.fabric8.kubernetes.api.model.ConfigMap) config).getData().get("FUNDING_DB_URL"));
  }

  /** The chart README documents every value that has a scalar default. */
  @Test
  void theReadmeListsEveryValue() throws Exception {
    String readme = Files.readString(CHART.resolve("README.md"));
    List<String> missing = new ArrayList<>();
    List<String> path = new ArrayList<>();
    for (String line : Files.readAllLines(CHART.resolve("values.yaml"))) {
      var m = java.util.regex.Pattern.compile("^( *)([A-Za-z0-9_.]+):(.*)$").matcher(line);
      if (!m.matches()) {
        continue;
      }
      int depth = m.group(1).length() / 2;
      while (path.size() > depth) {
        path.removeLast();
      }
      path.add(m.group(2));
      String key = String.join(".", path);
      if (!m.group(3).isBlank() && !readme.contains("`" + key + "`")) {
        missing.add(key);
      }
    }
    assertEquals(List.of(), missing, "values the chart README does not list");
  }

  /** Every fabric8 model object reachable from {@code o} must have no additional (unknown) properties. */
  static void walk(Object o, String path, List<String> unknown, Map<Object, Boolean> seen) {
    if (o == null || seen.put(o, true) != null) {
      return;
    }
    if (o instanceof Collection<?> c) {
      int i = 0;
      for (Object e : c) {
        walk(e, path + "[" + i++ + "]", unknown, seen);
      }
      return;
    }
    if (o instanceof Map<?, ?> m) {
      m.forEach((k, v) -> walk(v, path + "." + k, unknown, seen));
      return;
    }
    if (!o.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Method method : o.getClass().getMethods()) {
      if (method.getParameterCount() != 0 || !method.getName().startsWith("get") || method.getName().equals("getClass")) {
        continue;
      }
      try {
        Object value = method.invoke(o);
        if (method.getName().equals("getAdditionalProperties")) {
          if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
            unknown.add(path + ": " + extra.keySet());
          }
        } else if (!(value instanceof String) && !(value instanceof Number) && !(value instanceof Boolean)) {
          walk(value, path + "." + method.getName().substring(3), unknown, seen);
        }
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
  }

}
