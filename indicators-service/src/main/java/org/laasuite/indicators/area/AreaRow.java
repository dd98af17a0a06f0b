package org.laasuite.indicators.area;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import org.laasuite.indicators.v1.AreaType;

@MappedEntity("area")
public record AreaRow(@Id @GeneratedValue @Nullable Long id, String code, String title, AreaType type) {

  public static final String CITY = "city";
  public static final String PRIORITY_NEIGHBOURHOODS = "priority-neighbourhoods";
  public static final String REST_OF_CITY = "rest-of-city";
}
