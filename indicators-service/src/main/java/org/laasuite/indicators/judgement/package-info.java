/**
 * The pure rules of docs/judgement.md: the red/amber/green judgement (JudgementRule), and the
 * direction of travel and narrowing the gap (Trends), over observations and target points.
 * There is no I/O and no proto here; ReportService feeds them, and ReportMapper maps the results.
 */
package org.laasuite.indicators.judgement;
