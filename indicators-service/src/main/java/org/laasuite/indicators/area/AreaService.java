package org.laasuite.indicators.area;

import io.grpc.Status;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.function.Predicate;
import org.laasuite.common.audit.AuditLog;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;

@Singleton
public class AreaService {

  private final AreaRepository areas;
  private final AuditLog audit;

  public AreaService(AreaRepository areas, AuditLog audit) {
    this.areas = areas;
    this.audit = audit;
  }

  public AreaRow get(String name) {
    Violations v = new Violations();
    String code = ResourceNames.AREAS.id(name, "name", v);
    v.throwIfAny();
    return areas.findByCode(code).orElseThrow(() -> ApiException.notFound("AREA", name));
  }

  /** A page of every area, by code. */
  public Pages.Slice<AreaRow> list(Pages.Page page) {
    return page.slice(areas.page(page.size(), page.offset()));
  }

  /**
   * Saves {@code candidate}; if its id is taken, answers the stored one when {@code sameAsAsked} says
   * it is what was asked for (a retried create), and ALREADY_EXISTS otherwise.
   */
  @Transactional
  public AreaRow create(AreaRow candidate, Predicate<AreaRow> sameAsAsked) {
    var existing = areas.findByCode(candidate.code());
    if (existing.isPresent() && sameAsAsked.test(existing.get())) {
      return existing.get();
    }
    if (existing.isPresent()) {
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "AREA_ALREADY_EXISTS",
          ResourceNames.AREAS.name(candidate.code()) + " already exists", "area.id");
    }
    AreaRow saved = areas.save(candidate);
    audit.record(AuditLog.CREATE, ResourceNames.AREAS.name(saved.code()), null, AreaMapper.toProto(saved));
    return saved;
  }

  /** Saves the areas of {@code wanted} that do not exist yet; answers how many it created. */
  public int ensure(List<AreaRow> wanted) {
    int created = 0;
    for (AreaRow a : wanted) {
      if (areas.findByCode(a.code()).isEmpty()) {
        areas.save(a);
        created++;
      }
    }
    return created;
  }
}
