/**
 * The indicator catalogue: the indicator's row, IndicatorRepository, IndicatorService (rules,
 * transactions, batch reads by code, listing) and IndicatorMapper to and from the proto.
 */
package org.laasuite.indicators.indicator;
