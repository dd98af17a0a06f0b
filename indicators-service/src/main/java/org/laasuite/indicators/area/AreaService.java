package org.laasuite.indicators.area;

import io.grpc.Status;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.regex.Pattern;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.indicators.v1.Area;
import org.laasuite.indicators.v1.AreaType;

@Singleton
public class AreaService {


  private final AreaRepository areas;

  public AreaService(AreaRepository areas) {
    this.areas = areas;
  }

  public static Area toProto(AreaRow a) {
    return Area.newBuilder().setName("areas/" + a.code()).setCode(a.code())
        .setTitle(a.title()).setType(a.type()).build();
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

  @Transactional
  public AreaRow create(Area in) {
    Violations v = new Violations();
    AreaRow candidate = validated(in, "area.", v);
    v.throwIfAny();
    if (areas.findByCode(candidate.code()).isPresent()) {
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "AREA_ALREADY_EXISTS",
          "areas/" + candidate.code() + " already exists", "area.code");
    }
    return areas.save(candidate);
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

  static AreaRow validated(Area in, String p, Violations v) {
    ResourceNames.AREAS.validId(in.getCode(), p + "code", v);
    v.requiredText(in.getTitle(), Violations.MAX_TITLE, p + "title");
    ProtoEnums.required(in.getType(), p + "type", v);
    return new AreaRow(null, in.getCode(), in.getTitle(), in.getType());
  }
}
