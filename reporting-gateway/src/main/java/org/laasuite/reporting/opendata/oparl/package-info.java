/**
 * The OParl 1.1 read API of the partnership's governance (oparl.org): Oparl makes the objects from what the
 * partnership service gives, OparlController serves them and their paged lists under /oparl/v1/.
 */
package org.laasuite.reporting.opendata.oparl;
