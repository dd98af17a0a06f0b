/**
 * An indicator's measures: baselines, targets, outturns (every revision kept), narratives and
 * recorded judgements. It holds their rows, MeasureRepositories (each reads many indicators in
 * one statement), MeasureService, MeasureMapper, and References, which resolves area and period
 * names.
 */
package org.laasuite.indicators.measure;
