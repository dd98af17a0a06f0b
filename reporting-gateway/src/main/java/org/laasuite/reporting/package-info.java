/**
 * The reporting gateway's Micronaut entry point (Application). The gateway has no database and
 * reads the three services only through their gRPC APIs; docs/report-card.md follows one
 * request through its sub-packages.
 */
package org.laasuite.reporting;
