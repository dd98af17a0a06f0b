package org.laasuite.reporting.cache;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the gateway assembled and rendered for the public, kept until anything under it changes: an entry made in
 * one generation of {@link ChangeWatch} is served only in that generation, and nothing is kept while a service is
 * not watched, nor a page some of whose sections were unavailable, nor what was read with a caller's own token.
 * At most {@code laa.reporting.cache.max-bytes} (32 MB) is kept; past that it starts again. Hits, misses and
 * bypasses are counted ({@code laa.reporting.cache.requests}).
 */
@Singleton
public class PageCache {

  private final ChangeWatch changes;
  private final long maxBytes;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong bytes = new AtomicLong();
  private final Counter hits;
  private final Counter misses;
  private final Counter bypasses;
  private long heldGeneration = -1; // guarded by this

  public PageCache(ChangeWatch changes, @Value("${laa.reporting.cache.max-bytes:33554432}") long maxBytes,
      MeterRegistry registry) {
    this.changes = changes;
    this.maxBytes = maxBytes;
    this.hits = Counter.builder("laa.reporting.cache.requests").tag("result", "hit").register(registry);
    this.misses = Counter.builder("laa.reporting.cache.requests").tag("result", "miss").register(registry);
    this.bypasses = Counter.builder("laa.reporting.cache.requests").tag("result", "bypass").register(registry);
    registry.gauge("laa.reporting.cache.bytes", bytes);
  }

  private record Entry(Object value) {
  }

  /**
   * A page's model (a message with an {@code unavailable} field) kept under {@code key}, or made now by {@code make}
   * and kept if it is whole. {@code shared} says whether it is the same for every reader (read as the gateway).
   */
  public <M extends Message> M model(String key, boolean shared, Supplier<M> make) {
    return rendered(key, shared, make, Function.identity());
  }

  /**
   * What {@code render} makes of the model {@code make} assembles, kept under {@code key} when the model is whole
   * and {@code shared}: a page's bytes, made once per change of anything under it.
   */
  @SuppressWarnings("unchecked")
  public <M extends Message, R> R rendered(String key, boolean shared, Supplier<M> make, Function<M, R> render) {
    if (!shared || !changes.allWatched()) {
      bypasses.increment();
      return render.apply(make.get());
    }
    long generation = current();
    Entry kept = entries.get(key);
    if (kept != null) {
      hits.increment();
      return (R) kept.value();
    }
    misses.increment();
    M model = make.get();
    R out = render.apply(model);
    if (whole(model)) {
      keep(key, generation, out);
    }
    return out;
  }

  /** The generation the entries belong to, after forgetting them if it has moved on. */
  private synchronized long current() {
    long g = changes.generation();
    if (g != heldGeneration) {
      entries.clear();
      bytes.set(0);
      heldGeneration = g;
    }
    return g;
  }

  private synchronized void keep(String key, long generation, Object value) {
    // Kept only if nothing changed while it was made (a write told meanwhile may not be in it).
    if (generation != heldGeneration || changes.generation() != generation || !changes.allWatched()) {
      return;
    }
    long size = size(value);
    if (bytes.get() + size > maxBytes) {
      entries.clear();
      bytes.set(0);
    }
    if (entries.putIfAbsent(key, new Entry(value)) == null) {
      bytes.addAndGet(size);
    }
  }

  /** Whether no section of {@code model} was unavailable. */
  static boolean whole(Message model) {
    FieldDescriptor unavailable = model.getDescriptorForType().findFieldByName("unavailable");
    return unavailable == null || model.getRepeatedFieldCount(unavailable) == 0;
  }

  private static long size(Object value) {
    return switch (value) {
      case byte[] b -> b.length;
      case String s -> 2L * s.length();
      case Message m -> 3L * m.getSerializedSize(); // as objects, a few times their encoding
      default -> 1024;
    };
  }
}
