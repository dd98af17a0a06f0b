/**
 * Figures as partnerships write them: the embedded figure columns, FigureText, which reads the
 * text into a number only where there is one, and FigureMapper to and from the proto.
 * Baselines, targets and outturns use it; it knows nothing about them.
 */
package org.laasuite.indicators.figure;
