/**
 * The indicators service: its Micronaut entry point (Application). The service's features are
 * in the sub-packages, and its gRPC face is {@code org.laasuite.indicators.grpc}.
 */
package org.laasuite.indicators;
