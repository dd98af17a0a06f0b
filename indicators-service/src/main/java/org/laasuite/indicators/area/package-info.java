/**
 * Areas (the city, priority neighbourhoods, the rest of the city): the persistence row, its
 * repository and AreaService, which holds their rules and transactions.
 */
package org.laasuite.indicators.area;
